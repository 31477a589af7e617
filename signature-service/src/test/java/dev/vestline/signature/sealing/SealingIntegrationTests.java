package dev.vestline.signature.sealing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import dev.vestline.signature.Api;
import dev.vestline.signature.CapturedLinks;
import dev.vestline.signature.OpenWorkflows;
import dev.vestline.signature.SignatureIntegrationTest;
import dev.vestline.signature.documents.DocumentText;
import dev.vestline.signature.documents.DocumentVersion;
import dev.vestline.signature.documents.DocumentVersions;
import dev.vestline.signature.documents.Sha256;
import dev.vestline.signature.workflows.WorkflowOpening;
import dev.vestline.support.security.DevTokens;
import dev.vestline.testharness.Race;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A workflow signed by investor and arranger over HTTP is sealed once: the final version
 * unchanged, the certificate of completion appended, one PAdES B-B seal over both; the
 * certificate states every signer's evidence; however many callers see the completion.
 */
@SignatureIntegrationTest
class SealingIntegrationTests {

	static final String APPROVER = "Bearer " + DevTokens.example().token("anna", "approver");

	static final String COMPLIANCE = "Bearer " + DevTokens.example().token("carl", "compliance");

	static final String INVESTOR_ROLE = "Bearer " + DevTokens.example().token("ivy", "investor");

	static final String CONSENT = "esign-disclosure-2026-11";

	static final String INVESTOR_BROWSER = "Mozilla/5.0 (Linux; Android 15; Pixel 9) Mobile Safari/537.36";

	static final String ARRANGER_BROWSER = "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_6) Firefox/133.0";

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
	SealingKey key;

	@Autowired
	Sealing sealing;

	@Autowired
	SealingTriggers triggers;

	Api api;

	OpenWorkflows workflows;

	@BeforeEach
	void setUp() {
		this.api = new Api(this.port);
		this.workflows = new OpenWorkflows(this.opening, this.jdbc);
	}

	@Test
	void sealsTheCompletedDocumentWithOnePadesSignatureOverTheUnchangedChain() {
		UUID workflow = completed();
		Api.Response response = this.api.get(path(workflow, "/sealed-document"), "Authorization", APPROVER);
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.header("Content-Type")).isEqualTo("application/pdf");
		byte[] sealed = response.bytes();
		try {
		}
		catch (Exception ex) {
		}
		assertThat(response.header("Document-SHA256")).isEqualTo(Sha256.hex(sealed));

		List<DocumentVersion> chain = this.documents.of(workflow);
		assertThat(chain).extracting(DocumentVersion::version).containsExactly(1, 2, 3);
		for (DocumentVersion version : chain) {
			byte[] bytes = this.documents.content(workflow, version.version()).orElseThrow().bytes();
			assertThat(Sha256.hex(bytes)).isEqualTo(version.sha256());
			if (version.version() > 1) {
				assertThat(version.parentSha256()).isEqualTo(chain.get(version.version() - 2).sha256());
			}
		}
		byte[] last = this.documents.content(workflow, 3).orElseThrow().bytes();
		assertThat(Arrays.copyOf(sealed, last.length)).as("the final version, unchanged, begins the sealed document")
			.isEqualTo(last);
		assertThat(response.header("Final-Version-SHA256")).isEqualTo(chain.get(2).sha256());
		assertThat(response.header("Final-Version-Length")).isEqualTo(String.valueOf(last.length));

		int sealStart = PadesSignature.verify(sealed, this.key.certificate());
		byte[] beforeSeal = Arrays.copyOf(sealed, sealStart);
		assertThat(sealStart).isGreaterThan(last.length);
		assertThat(pages(beforeSeal)).as("the certificate's pages were appended before sealing")
			.isGreaterThan(pages(last));
		assertThat(DocumentText.of(beforeSeal)).contains("SIGNED by Ivy Investor", "SIGNED by Ada Arranger",
				"Certificate of completion");
		assertThat(this.jdbc.sql("SELECT count(*) FROM sealed_document WHERE workflow_id = :id")
			.param("id", workflow)
			.query(Long.class)
			.single()).isOne();
		assertThat(sealedAudits(workflow)).isOne();
	}

	@Test
	void statesEverySignersEvidenceOnTheCertificateWithTimesInUtc() {
		UUID workflow = this.workflows.subscriptionPack();
		assertThat(this.api.post(path(workflow, "/signers/INVESTOR/link"), "", "Authorization", COMPLIANCE).status())
			.as("the investor's first link got lost: a second one")
			.isEqualTo(202);
		signBoth(workflow);
		Api.Response response = this.api.get(path(workflow, "/certificate"), "Authorization", APPROVER);
		assertThat(response.status()).isEqualTo(200);
		PadesSignature.verify(response.bytes(), this.key.certificate());
		String text = DocumentText.of(response.bytes()).replaceAll("\\s+", " ");
		List<DocumentVersion> chain = this.documents.of(workflow);
		Map<String, String> from = this.jdbc.sql("SELECT role, signed_from FROM signer WHERE workflow_id = :id")
			.param("id", workflow)
			.query((rs, row) -> Map.entry(rs.getString("role"), rs.getString("signed_from")))
			.list()
			.stream()
			.collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
		assertThat(from.values())
			.allSatisfy((address) -> assertThat(address).matches("127\\.0\\.0\\.1|0:0:0:0:0:0:0:1"));
		assertThat(text).contains("Certificate of completion", "Signer 1 of 2: INVESTOR", "Typed name: Ivy Investor",
				"Signer 2 of 2: ARRANGER", "Typed name: Ada Arranger", "Ada Arranger (party arranger-1)",
				"link revision 2 of terms revision 1", "link revision 1 of terms revision 1",
				"disclosure version " + CONSENT, "IP address: " + from.get("INVESTOR"),
				"IP address: " + from.get("ARRANGER"), "Browser (User-Agent): " + INVESTOR_BROWSER,
				"Browser (User-Agent): " + ARRANGER_BROWSER,
				"Document before signing: version 1, SHA-256 " + chain.get(0).sha256(),
				"Document after signing: version 2, SHA-256 " + chain.get(1).sha256(),
				"Document before signing: version 2, SHA-256 " + chain.get(1).sha256(),
				"Document after signing: version 3, SHA-256 " + chain.get(2).sha256(),
				"All times are in UTC (Coordinated Universal Time)");
		assertThat(Pattern.compile("Signed at: \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}\\.\\d{3} UTC")
			.matcher(text)
			.results()
			.count()).isEqualTo(2);
		assertThat(DocumentText.of(this.sealing.sealed(workflow).orElseThrow().content()).replaceAll("\\s+", " "))
			.as("the sealed document carries the same certificate")
			.contains("Browser (User-Agent): " + INVESTOR_BROWSER,
					"Document after signing: version 3, SHA-256 " + chain.get(2).sha256());
	}

	@Test
	void sealsOnceWhenTheCompletionIsSeenTwiceAtTheSameMoment() {
		for (int round = 0; round < 5; round++) {
			UUID workflow = completed();
			lose(workflow);
			List<String> seals = Race.run(2, (contender) -> this.sealing.sealed(workflow).orElseThrow().sha256());
			assertThat(seals).as("round %d: every caller gets the one stored seal", round)
				.hasSize(2)
				.containsOnly(Sha256.hex(this.sealing.sealed(workflow).orElseThrow().content()));
			assertThat(sealedAudits(workflow)).as("round %d", round).isOne();
		}
	}

	@Test
	void sealsACompletionWhoseSealWasLostOnTheNextSweep() {
		UUID workflow = completed();
		lose(workflow);
		assertThat(this.triggers.sweep()).isPositive();
		assertThat(this.sealing.sealed(workflow)).isPresent();
		assertThat(sealedAudits(workflow)).isOne();
	}

	@Test
	void answersWithProblemsForAnOpenOrUnknownWorkflowAndForNonStaff() {
		UUID open = this.workflows.subscriptionPack();
		Api.Response notCompleted = this.api.get(path(open, "/sealed-document"), "Authorization", APPROVER);
		assertThat(notCompleted.status()).isEqualTo(404);
		assertThat(notCompleted.header("Content-Type")).startsWith("application/problem+json");
		assertThat(notCompleted.json().get("detail").asString()).contains("is open", "every signer");
		assertThat(this.api.get(path(UUID.randomUUID(), "/certificate"), "Authorization", APPROVER).status())
			.isEqualTo(404);
		assertThat(this.api.get(path(open, "/certificate")).status()).isEqualTo(401);
		assertThat(this.api.get(path(open, "/sealed-document"), "Authorization", INVESTOR_ROLE).status())
			.isEqualTo(403);
		assertThat(this.jdbc.sql("SELECT count(*) FROM sealed_document WHERE workflow_id = :id")
			.param("id", open)
			.query(Long.class)
			.single()).isZero();
	}

	/** Investor and arranger sign over HTTP; returns once the completion is sealed. */
	private UUID completed() {
		UUID workflow = this.workflows.subscriptionPack();
		signBoth(workflow);
		return workflow;
	}

	private void signBoth(UUID workflow) {
		assertThat(sign(this.links.token(workflow, "INVESTOR"), "Ivy Investor", INVESTOR_BROWSER).status())
			.isEqualTo(200);
		assertThat(sign(this.links.token(workflow, "ARRANGER"), "Ada Arranger", ARRANGER_BROWSER).status())
			.isEqualTo(200);
		await().atMost(java.time.Duration.ofSeconds(60)).until(() -> sealedAudits(workflow) == 1);
	}

	private Api.Response sign(String token, String name, String browser) {
		return this.api.post("/api/v1/signing/" + token + "/signature",
				"{\"typedName\":\"" + name + "\",\"consent\":true,\"consentVersion\":\"" + CONSENT + "\"}",
				"User-Agent", browser);
	}

	/** What a crash between completion and seal leaves: a completed workflow, no seal. */
	private void lose(UUID workflow) {
		this.jdbc.sql("DELETE FROM sealed_document WHERE workflow_id = :id").param("id", workflow).update();
		this.jdbc.sql("DELETE FROM audit_entry WHERE workflow_id = :id AND action = 'SEALED'")
			.param("id", workflow)
			.update();
	}

	private long sealedAudits(UUID workflow) {
		return this.jdbc.sql("SELECT count(*) FROM audit_entry WHERE workflow_id = :id AND action = 'SEALED'")
			.param("id", workflow)
			.query(Long.class)
			.single();
	}

	private static String path(UUID workflow, String rest) {
		return "/api/v1/workflows/" + workflow + rest;
	}

	private static int pages(byte[] pdf) {
		try (PDDocument document = Loader.loadPDF(pdf)) {
			return document.getNumberOfPages();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
