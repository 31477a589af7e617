package dev.vestline.signature.signing;

import java.util.List;
import java.util.UUID;

import dev.vestline.events.DomainEvent;
import dev.vestline.events.signature.DocumentSigned;
import dev.vestline.events.signature.SignatureDeclined;
import dev.vestline.events.signature.SigningWorkflowCompleted;
import dev.vestline.events.signature.SigningWorkflowFailed;
import dev.vestline.signature.Api;
import dev.vestline.signature.CapturedLinks;
import dev.vestline.signature.OpenWorkflows;
import dev.vestline.signature.PublishedEvents;
import dev.vestline.signature.SignatureIntegrationTest;
import dev.vestline.signature.documents.DocumentText;
import dev.vestline.signature.documents.DocumentVersion;
import dev.vestline.signature.documents.DocumentVersions;
import dev.vestline.signature.workflows.WorkflowOpening;
import dev.vestline.testharness.TestInfrastructure;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A signer's link over HTTP: view, sign, decline, and every way a link can be wrong.
 */
@SignatureIntegrationTest
class SigningIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	WorkflowOpening opening;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	CapturedLinks links;

	@Autowired
	DocumentVersions documents;

	@Autowired
	TestInfrastructure infrastructure;

	Api api;

	OpenWorkflows workflows;

	UUID workflow;

	String investor;

	String arranger;

	@BeforeEach
	void openWorkflow() {
		this.api = new Api(this.port);
		this.workflows = new OpenWorkflows(this.opening, this.jdbc);
		this.workflow = this.workflows.subscriptionPack();
		this.investor = this.links.token(this.workflow, "INVESTOR");
		this.arranger = this.links.token(this.workflow, "ARRANGER");
	}

	@Test
	void showsTheSignerWhatToSign() {
		Api.Response view = this.api.get("/api/v1/signing/" + this.investor);
		assertThat(view.status()).isEqualTo(200);
		assertThat(view.json().get("role").asString()).isEqualTo("INVESTOR");
		assertThat(view.json().get("documentVersion").asInt()).isEqualTo(1);
		assertThat(view.json().get("preview").asString()).contains("Subscription Pack", "250000.00 EUR");
		Api.Response pdf = this.api.get(view.json().get("documentUrl").asString());
		assertThat(pdf.header("Content-Type")).isEqualTo("application/pdf");
		assertThat(new String(pdf.bytes(), 0, 5)).isEqualTo("%PDF-");
	}

	@Test
	void signsProgressivelyOnAHashChainAndCompletesOnce() {
		Api.Response first = sign(this.investor, "Ivy Investor");
		assertThat(first.status()).isEqualTo(200);
		assertThat(first.json().get("documentVersion").asInt()).isEqualTo(2);
		assertThat(first.json().get("workflowCompleted").asBoolean()).isFalse();
		Api.Response second = sign(this.arranger, "Ada Arranger");
		assertThat(second.json().get("documentVersion").asInt()).isEqualTo(3);
		assertThat(second.json().get("workflowCompleted").asBoolean()).isTrue();
		List<DocumentVersion> versions = this.documents.of(this.workflow);
		assertThat(versions).extracting(DocumentVersion::version).containsExactly(1, 2, 3);
		assertThat(versions.get(1).parentSha256()).isEqualTo(versions.get(0).sha256());
		assertThat(versions.get(2).parentSha256()).isEqualTo(versions.get(1).sha256());
		String text = DocumentText.of(this.documents.content(this.workflow, 3).orElseThrow().bytes());
		assertThat(text).contains("SIGNED by Ivy Investor", "as INVESTOR", "SIGNED by Ada Arranger", "as ARRANGER");
		List<DomainEvent> events = PublishedEvents.await(this.infrastructure.kafka().bootstrapServers(),
				(all) -> !completions(all).isEmpty());
		assertThat(completions(events)).singleElement()
			.satisfies((completed) -> assertThat(completed.documentSha256()).isEqualTo(versions.get(2).sha256()));
		assertThat(PublishedEvents.ofType(events, DocumentSigned.class)
			.stream()
			.filter((signed) -> signed.workflowId().equals(this.workflow))).hasSize(2);
		assertThat(this.workflows.status(this.workflow)).isEqualTo("COMPLETED");
	}

	@Test
	void refusesAUsedLinkWith409AndWritesNothing() {
		assertThat(sign(this.investor, "Ivy Investor").status()).isEqualTo(200);
		Api.Response again = sign(this.investor, "Ivy Investor");
		assertThat(again.status()).isEqualTo(409);
		assertThat(again.header("Content-Type")).isEqualTo("application/problem+json");
		assertThat(again.json().get("detail").asString()).contains("already used");
		assertThat(this.api.get("/api/v1/signing/" + this.investor).status()).isEqualTo(409);
		assertThat(decline(this.investor, "changed my mind").status()).isEqualTo(409);
		assertThat(this.workflows.versions(this.workflow)).isEqualTo(2);
		assertThat(this.workflows.outboxEvents(this.workflow, "DocumentSigned")).isEqualTo(1);
	}

	@Test
	void answersUnknownAndMalformedLinksWithA404ThatRevealsNothing() {
		String wellFormed = "A".repeat(43);
		for (String token : List.of(wellFormed, "abc", "A".repeat(44), this.investor.substring(1) + "x")) {
			Api.Response response = sign(token, "Mallory");
			assertThat(response.status()).as(token).isEqualTo(404);
			assertThat(response.json().get("detail").asString()).isEqualTo("No signing request matches this link.");
			assertThat(this.api.get("/api/v1/signing/" + token).status()).isEqualTo(404);
		}
		assertThat(this.workflows.versions(this.workflow)).isEqualTo(1);
	}

	@Test
	void answersAnExpiredLinkWith410AndWritesNothing() {
		this.jdbc.sql("UPDATE signer SET link_expires_at = now() - interval '1 minute' WHERE workflow_id = :id")
			.param("id", this.workflow)
			.update();
		Api.Response response = sign(this.investor, "Ivy Investor");
		assertThat(response.status()).isEqualTo(410);
		assertThat(response.json().get("detail").asString()).contains("expired");
		assertThat(decline(this.arranger, "too late").status()).isEqualTo(410);
		assertThat(this.workflows.versions(this.workflow)).isEqualTo(1);
		assertThat(this.workflows.signerStatus(this.workflow, "INVESTOR")).isEqualTo("PENDING");
	}

	@Test
	void rejectsMalformedSignaturesWith400AndWritesNothing() {
		Api.Response noConsent = this.api.post(signature(this.investor),
				"{\"typedName\":\"Ivy Investor\",\"consent\":false}");
		assertThat(noConsent.status()).isEqualTo(400);
		assertThat(noConsent.json().get("errors").get(0).get("field").asString()).isEqualTo("consent");
		Api.Response blankName = this.api.post(signature(this.investor), "{\"typedName\":\" \",\"consent\":true}");
		assertThat(blankName.status()).isEqualTo(400);
		assertThat(blankName.json().get("errors").get(0).get("field").asString()).isEqualTo("typedName");
		assertThat(this.api.post(signature(this.investor), "{not json").status()).isEqualTo(400);
		assertThat(
				this.api.post(signature(this.investor), "{\"typedName\":\"" + "x".repeat(201) + "\",\"consent\":true}")
					.status())
			.isEqualTo(400);
		assertThat(this.api.post("/api/v1/signing/" + this.investor + "/decline", "{}").status()).isEqualTo(400);
		assertThat(this.workflows.versions(this.workflow)).isEqualTo(1);
		assertThat(this.workflows.signerStatus(this.workflow, "INVESTOR")).isEqualTo("PENDING");
	}

	@Test
	void aSignersLinkSignsOnlyItsOwnRequest() {
		assertThat(sign(this.investor, "Ivy Investor").status()).isEqualTo(200);
		assertThat(this.workflows.signerStatus(this.workflow, "INVESTOR")).isEqualTo("SIGNED");
		assertThat(this.workflows.signerStatus(this.workflow, "ARRANGER")).isEqualTo("PENDING");
		assertThat(this.api.get("/api/v1/signing/" + this.arranger).json().get("role").asString())
			.isEqualTo("ARRANGER");
		assertThat(this.workflows.status(this.workflow)).isEqualTo("OPEN");
	}

	@Test
	void answersARetryWithTheSameIdempotencyKeyWithTheFirstResponse() {
		String body = "{\"typedName\":\"Ivy Investor\",\"consent\":true}";
		Api.Response first = this.api.post(signature(this.investor), body, "Idempotency-Key", "k-1");
		assertThat(first.status()).isEqualTo(200);
		Api.Response retry = this.api.post(signature(this.investor), body, "Idempotency-Key", "k-1");
		assertThat(retry.status()).isEqualTo(200);
		assertThat(retry.json()).isEqualTo(first.json());
		assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
		assertThat(first.header("Idempotent-Replayed")).isNull();
		Api.Response otherBody = this.api.post(signature(this.investor),
				"{\"typedName\":\"Someone Else\",\"consent\":true}", "Idempotency-Key", "k-1");
		assertThat(otherBody.status()).isEqualTo(422);
		assertThat(this.api.post(signature(this.investor), body, "Idempotency-Key", "k-2").status()).isEqualTo(409);
		assertThat(this.api.post(signature(this.investor), body).status()).isEqualTo(409);
		assertThat(this.workflows.versions(this.workflow)).isEqualTo(2);
		assertThat(this.workflows.outboxEvents(this.workflow, "DocumentSigned")).isEqualTo(1);
	}

	@Test
	void decliningEndsTheWorkflowAndTellsTheApproval() {
		assertThat(decline(this.investor, "terms changed").status()).isEqualTo(204);
		assertThat(this.workflows.status(this.workflow)).isEqualTo("DECLINED");
		Api.Response late = sign(this.arranger, "Ada Arranger");
		assertThat(late.status()).isEqualTo(409);
		assertThat(late.json().get("detail").asString()).contains("no longer open");
		List<DomainEvent> events = PublishedEvents.await(this.infrastructure.kafka().bootstrapServers(),
				(all) -> PublishedEvents.ofType(all, SigningWorkflowFailed.class)
					.stream()
					.anyMatch((failed) -> failed.workflowId().equals(this.workflow)));
		assertThat(PublishedEvents.ofType(events, SignatureDeclined.class)
			.stream()
			.filter((declined) -> declined.workflowId().equals(this.workflow))).singleElement()
			.satisfies((declined) -> assertThat(declined.reason()).isEqualTo("terms changed"));
		assertThat(PublishedEvents.ofType(events, SigningWorkflowFailed.class)
			.stream()
			.filter((failed) -> failed.workflowId().equals(this.workflow))).singleElement()
			.satisfies((failed) -> assertThat(failed.reason()).contains("investor declined to sign: terms changed"));
	}

	private List<SigningWorkflowCompleted> completions(List<DomainEvent> events) {
		return PublishedEvents.ofType(events, SigningWorkflowCompleted.class)
			.stream()
			.filter((completed) -> completed.workflowId().equals(this.workflow))
			.toList();
	}

	private Api.Response sign(String token, String name) {
		return this.api.post(signature(token), "{\"typedName\":\"" + name + "\",\"consent\":true}");
	}

	private Api.Response decline(String token, String reason) {
		return this.api.post("/api/v1/signing/" + token + "/decline", "{\"reason\":\"" + reason + "\"}");
	}

	private static String signature(String token) {
		return "/api/v1/signing/" + token + "/signature";
	}

}
