package dev.vestline.signature.workflows;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dev.vestline.signature.Api;
import dev.vestline.signature.CapturedLinks;
import dev.vestline.signature.OpenWorkflows;
import dev.vestline.signature.SignatureIntegrationTest;
import dev.vestline.signature.documents.DocumentText;
import dev.vestline.signature.documents.Sha256;
import dev.vestline.support.security.DevTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Staff read, cancel and reissue workflows over HTTP with bearer tokens and If-Match.
 */
@SignatureIntegrationTest
class WorkflowControllerIntegrationTests {

	static final String COMPLIANCE = "Bearer " + DevTokens.example().token("carl", "compliance");

	static final String APPROVER = "Bearer " + DevTokens.example().token("anna", "approver");

	static final String INVESTOR = "Bearer " + DevTokens.example().token("ivy", "investor");

	@LocalServerPort
	int port;

	@Autowired
	WorkflowOpening opening;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	CapturedLinks links;

	Api api;

	OpenWorkflows workflows;

	UUID workflow;

	@BeforeEach
	void setUp() {
		this.api = new Api(this.port);
		this.workflows = new OpenWorkflows(this.opening, this.jdbc);
		this.workflow = this.workflows.subscriptionPack();
	}

	@Test
	void requiresAStaffRoleAndAnswersWithProblems() {
		Api.Response anonymous = this.api.get(path(""));
		assertThat(anonymous.status()).isEqualTo(401);
		assertThat(anonymous.header("Content-Type")).startsWith("application/problem+json");
		assertThat(anonymous.json().get("status").asInt()).isEqualTo(401);
		assertThat(this.api.get(path(""), "Authorization", "Bearer not-a-jwt").status()).isEqualTo(401);
		Api.Response investor = this.api.get(path(""), "Authorization", INVESTOR);
		assertThat(investor.status()).isEqualTo(403);
		assertThat(investor.json().get("detail").asString()).contains("roles");
		assertThat(this.api.post(path("/cancel"), "{\"reason\":\"x\"}", "Authorization", APPROVER, "If-Match", "\"0\"")
			.status()).isEqualTo(403);
		Api.Response unknown = this.api.get("/api/v1/workflows/" + UUID.randomUUID(), "Authorization", APPROVER);
		assertThat(unknown.status()).isEqualTo(404);
	}

	@Test
	void showsTheWorkflowWithItsETagSignersVersionsAndDocument() {
		Api.Response read = this.api.get(path(""), "Authorization", APPROVER);
		assertThat(read.status()).isEqualTo(200);
		assertThat(read.header("ETag")).isEqualTo("\"0\"");
		JsonNode body = read.json();
		assertThat(body.get("status").asString()).isEqualTo("OPEN");
		assertThat(body.get("amount").get("amount").asString()).isEqualTo("250000.00");
		assertThat(body.get("signers")).hasSize(2);
		assertThat(body.toString()).doesNotContain("token");
		sign(this.links.token(this.workflow, "INVESTOR"), "Ivy Investor");
		Api.Response pdf = this.api.get(path("/document"), "Authorization", APPROVER);
		assertThat(pdf.header("Content-Type")).isEqualTo("application/pdf");
		assertThat(pdf.header("Document-Version")).isEqualTo("2");
		assertThat(pdf.header("Document-SHA256")).isEqualTo(Sha256.hex(pdf.bytes()));
		JsonNode versions = this.api.get(path("/versions"), "Authorization", APPROVER).json();
		assertThat(versions).hasSize(2);
		assertThat(versions.get(1).get("parentSha256").asString()).isEqualTo(versions.get(0).get("sha256").asString());
		assertThat(this.api.get(path("/audit"), "Authorization", APPROVER).text()).contains("SIGNED");
		assertThat(this.api.get(path(""), "Authorization", APPROVER).header("ETag")).isEqualTo("\"1\"");
	}

	@Test
	void cancelsOnlyAtTheVersionRead() {
		String reason = "{\"reason\":\"deal withdrawn\"}";
		assertThat(this.api.post(path("/cancel"), reason, "Authorization", COMPLIANCE).status()).isEqualTo(428);
		assertThat(this.api.post(path("/cancel"), reason, "Authorization", COMPLIANCE, "If-Match", "\"7\"").status())
			.isEqualTo(412);
		assertThat(this.api.post(path("/cancel"), "{}", "Authorization", COMPLIANCE, "If-Match", "\"0\"").status())
			.isEqualTo(400);
		Api.Response cancelled = this.api.post(path("/cancel"), reason, "Authorization", COMPLIANCE, "If-Match",
				"\"0\"");
		assertThat(cancelled.status()).isEqualTo(200);
		assertThat(cancelled.json().get("status").asString()).isEqualTo("CANCELLED");
		assertThat(cancelled.header("ETag")).isEqualTo("\"1\"");
		assertThat(this.api.post(path("/cancel"), reason, "Authorization", COMPLIANCE, "If-Match", "\"1\"").status())
			.isEqualTo(409);
		assertThat(sign(this.links.token(this.workflow, "INVESTOR"), "Ivy Investor").status()).isEqualTo(409);
		assertThat(this.workflows.outboxEvents(this.workflow, "SigningWorkflowCancelled")).isEqualTo(1);
	}

	@Test
	void cancelsOnceWhenTwentyStaffCancelAtOnce() throws Exception {
		for (int round = 0; round < 3; round++) {
			UUID target = this.workflows.subscriptionPack();
			int threads = 20;
			CyclicBarrier barrier = new CyclicBarrier(threads);
			ExecutorService pool = Executors.newFixedThreadPool(threads);
			List<Future<Api.Response>> futures = new ArrayList<>();
			for (int i = 0; i < threads; i++) {
				futures.add(pool.submit(() -> {
					barrier.await();
					return this.api.post("/api/v1/workflows/" + target + "/cancel", "{\"reason\":\"race\"}",
							"Authorization", COMPLIANCE, "If-Match", "\"0\"");
				}));
			}
			List<Integer> statuses = new ArrayList<>();
			for (Future<Api.Response> future : futures) {
				statuses.add(future.get().status());
			}
			pool.shutdownNow();
			assertThat(statuses).filteredOn((s) -> s == 200).hasSize(1);
			assertThat(statuses).filteredOn((s) -> s == 409).hasSize(threads - 1);
			assertThat(this.workflows.outboxEvents(target, "SigningWorkflowCancelled")).isEqualTo(1);
		}
	}

	@Test
	void reissueVoidsEarlierSignaturesAndEveryPartySignsAgain() {
		String oldInvestor = this.links.token(this.workflow, "INVESTOR");
		String oldArranger = this.links.token(this.workflow, "ARRANGER");
		assertThat(sign(oldInvestor, "Ivy Investor").status()).isEqualTo(200);
		String amend = "{\"amendments\":\"Closing moves to 30 June.\"}";
		assertThat(this.api.post(path("/reissue"), amend, "Authorization", COMPLIANCE).status()).isEqualTo(428);
		Api.Response reissued = this.api.post(path("/reissue"), amend, "Authorization", COMPLIANCE, "If-Match",
				"\"1\"");
		assertThat(reissued.status()).isEqualTo(200);
		assertThat(reissued.json().get("revision").asInt()).isEqualTo(2);
		assertThat(reissued.json().get("documentVersion").asInt()).isEqualTo(3);
		assertThat(sign(oldArranger, "Ada Arranger").status()).isEqualTo(410);
		String newInvestor = this.links.token(this.workflow, "INVESTOR");
		String newArranger = this.links.token(this.workflow, "ARRANGER");
		assertThat(newInvestor).isNotEqualTo(oldInvestor);
		assertThat(sign(newArranger, "Ada Arranger").json().get("workflowCompleted").asBoolean()).isFalse();
		assertThat(sign(newInvestor, "Ivy Investor").json().get("workflowCompleted").asBoolean()).isTrue();
		JsonNode versions = this.api.get(path("/versions"), "Authorization", APPROVER).json();
		assertThat(versions).hasSize(5);
		for (int i = 1; i < versions.size(); i++) {
			assertThat(versions.get(i).get("parentSha256").asString())
				.isEqualTo(versions.get(i - 1).get("sha256").asString());
		}
		String finalText = DocumentText.of(this.api.get(path("/document"), "Authorization", APPROVER).bytes());
		assertThat(finalText).contains("Amended terms: Closing moves to 30 June.", "SIGNED by Ivy Investor",
				"SIGNED by Ada Arranger", "terms revision 2");
		assertThat(this.workflows.outboxEvents(this.workflow, "SigningWorkflowCompleted")).isEqualTo(1);
	}

	@Test
	void sendsAPendingSignerANewLinkThatReplacesTheExpiredOne() {
		String expired = this.links.token(this.workflow, "INVESTOR");
		this.jdbc.sql("UPDATE signer SET link_expires_at = now() - interval '1 minute' WHERE workflow_id = :id")
			.param("id", this.workflow)
			.update();
		assertThat(sign(expired, "Ivy Investor").status()).isEqualTo(410);
		Api.Response renewed = this.api.post(path("/signers/INVESTOR/link"), "", "Authorization", COMPLIANCE);
		assertThat(renewed.status()).isEqualTo(202);
		assertThat(renewed.text()).doesNotContain(this.links.token(this.workflow, "INVESTOR"));
		assertThat(sign(expired, "Ivy Investor").status()).isEqualTo(404);
		assertThat(sign(this.links.token(this.workflow, "INVESTOR"), "Ivy Investor").status()).isEqualTo(200);
		assertThat(this.api.post(path("/signers/INVESTOR/link"), "", "Authorization", COMPLIANCE).status())
			.isEqualTo(409);
		assertThat(this.api.post(path("/signers/INVESTOR/link"), "", "Authorization", APPROVER).status())
			.isEqualTo(403);
	}

	@Test
	void listsWorkflowsByStateNewestFirstAKeysetPageAtATime() {
		UUID oldest = this.workflows.subscriptionPack();
		UUID cancelled = this.workflows.subscriptionPack();
		UUID newest = this.workflows.subscriptionPack();
		assertThat(this.api
			.post("/api/v1/workflows/" + cancelled + "/cancel", "{\"reason\":\"listed\"}", "Authorization", COMPLIANCE,
					"If-Match", "\"0\"")
			.status()).isEqualTo(200);

		JsonNode first = this.api.get("/api/v1/workflows?status=OPEN&limit=1", "Authorization", APPROVER).json();
		JsonNode second = this.api
			.get("/api/v1/workflows?status=OPEN&limit=1&after=" + first.get("next").asString(), "Authorization",
					APPROVER)
			.json();
		JsonNode ended = this.api.get("/api/v1/workflows?status=CANCELLED&limit=1", "Authorization", APPROVER).json();
		JsonNode all = this.api.get("/api/v1/workflows?limit=3", "Authorization", APPROVER).json();

		assertThat(first.get("items")).hasSize(1);
		assertThat(first.get("items").get(0).get("id").asString()).isEqualTo(newest.toString());
		assertThat(first.get("items").get(0).get("signers")).hasSize(2);
		assertThat(first.get("next").asString()).isEqualTo(newest.toString());
		assertThat(second.get("items").get(0).get("id").asString()).as("the cancelled one is skipped")
			.isEqualTo(oldest.toString());
		assertThat(ended.get("items").get(0).get("id").asString()).isEqualTo(cancelled.toString());
		assertThat(ended.get("items").get(0).get("statusReason").asString()).isEqualTo("listed");
		assertThat(all.get("items")).extracting((item) -> item.get("id").asString())
			.containsExactly(newest.toString(), cancelled.toString(), oldest.toString());
	}

	@Test
	void refusesAListOfAnUnknownStateOrAPageOutOfRangeNamingTheParameter() {
		Api.Response unknown = this.api.get("/api/v1/workflows?status=SHREDDED", "Authorization", APPROVER);
		Api.Response tooMany = this.api.get("/api/v1/workflows?limit=101", "Authorization", APPROVER);
		Api.Response investor = this.api.get("/api/v1/workflows?status=OPEN", "Authorization", INVESTOR);

		assertThat(unknown.status()).isEqualTo(400);
		assertThat(unknown.text()).contains("status");
		assertThat(tooMany.status()).isEqualTo(400);
		assertThat(tooMany.text()).contains("limit");
		assertThat(investor.status()).isEqualTo(403);
	}

	@Test
	void publishesItsOpenApiDocumentWithoutAuthentication() {
		Api.Response docs = this.api.get("/v3/api-docs");
		assertThat(docs.status()).isEqualTo(200);
		assertThat(docs.text()).contains("/api/v1/signing/{token}/signature", "/api/v1/workflows/{id}/reissue");
	}

	private Api.Response sign(String token, String name) {
		return this.api.post("/api/v1/signing/" + token + "/signature",
				"{\"typedName\":\"" + name + "\",\"consent\":true}");
	}

	private String path(String suffix) {
		return "/api/v1/workflows/" + this.workflow + suffix;
	}

}
