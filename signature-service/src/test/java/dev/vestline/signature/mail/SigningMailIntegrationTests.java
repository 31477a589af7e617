package dev.vestline.signature.mail;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import com.icegreen.greenmail.util.GreenMail;
import dev.vestline.events.Contact;
import dev.vestline.signature.Api;
import dev.vestline.signature.CapturedLinks;
import dev.vestline.signature.Grants;
import dev.vestline.signature.OpenWorkflows;
import dev.vestline.signature.SignatureIntegrationTest;
import dev.vestline.testharness.mail.TestMailbox;
import dev.vestline.signature.documents.DocumentText;
import dev.vestline.signature.workflows.WorkflowCancellation;
import dev.vestline.signature.workflows.WorkflowOpening;
import dev.vestline.support.security.DevTokens;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static dev.vestline.testharness.mail.MimeParts.attachment;
import static dev.vestline.testharness.mail.MimeParts.attachments;
import static dev.vestline.testharness.mail.MimeParts.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every signing mail as a person receives it from a real SMTP server: its subject,
 * recipients, Message-ID, plain-text part, HTML alternative and attachment.
 */
@SignatureIntegrationTest
class SigningMailIntegrationTests {

	static final String ARRANGER = "ada@arranger.example.org";

	static final String REQUESTER = "desk@operations.example.org";

	static final String APPROVER = "Bearer " + DevTokens.example().token("anna", "approver");

	static final String OPERATIONS = "Bearer " + DevTokens.example().token("olga", "operations");

	@LocalServerPort
	int port;

	@Autowired
	WorkflowOpening opening;

	@Autowired
	WorkflowCancellation cancellation;

	@Autowired
	ReminderSchedule reminders;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	CapturedLinks links;

	@Autowired
	GreenMail smtp;

	Api api;

	String investor;

	UUID workflow;

	@BeforeEach
	void openWorkflow() {
		this.api = new Api(this.port);
		this.investor = "ivy-" + UUID.randomUUID() + "@investor.example.org";
		this.workflow = new OpenWorkflows(this.opening, this.jdbc)
			.open(Grants.subscription(Grants.CONFIGURED_VEHICLE, new Contact("Ivy Investor", this.investor)));
	}

	@Test
	void mailsEachSignerTheirLinkInAShortPlainMailWithoutAttachment() throws Exception {
		MimeMessage request = awaitOne(this.investor, "signing-request");
		String link = "https://sign.vestline.example/sign/" + this.links.token(this.workflow, "INVESTOR");

		assertThat(request.getSubject()).isEqualTo("Please sign your subscription pack");
		assertThat(request.getRecipients(Message.RecipientType.TO)).extracting(Object::toString)
			.containsExactly("Ivy Investor <" + this.investor + ">");
		assertThat(request.getFrom()).extracting(Object::toString)
			.containsExactly("Vestline signing <signing@vestline.example.com>");
		assertThat(request.getMessageID())
			.matches("<signing-request\\." + this.workflow + "-investor\\.1\\.[0-9a-f]{16}@vestline\\.example\\.com>");
		assertThat(text(request, "text/plain")).contains("Hello Ivy Investor", "ready for you to read and sign", link,
				"UTC");
		assertThat(text(request, "text/html")).contains("href=\"" + link + "\"");
		assertThat(attachment(request)).isNull();
		// the arranger's request is a mail of its own, sent in its own time
		assertThat(text(awaitOne(ARRANGER, "signing-request"), "text/plain"))
			.contains("https://sign.vestline.example/sign/" + this.links.token(this.workflow, "ARRANGER"));
	}

	@Test
	void tellsTheFirstSignerTheOthersAreAwaitedAndTheLastOnlyOfTheCompletion() throws Exception {
		sign(this.links.token(this.workflow, "INVESTOR"), "Ivy Investor");
		MimeMessage signed = awaitOne(this.investor, "signed");
		assertThat(signed.getSubject()).isEqualTo("You signed the subscription pack");
		assertThat(text(signed, "text/plain")).contains("waiting for Ada Arranger to sign");

		sign(this.links.token(this.workflow, "ARRANGER"), "Ada Arranger");
		awaitOne(ARRANGER, "completed");
		assertThat(mails(ARRANGER, "signed")).as("the last signer gets the completed mail only").isEmpty();
	}

	@Test
	void sendsEveryPartyOneCompletedMailWithTheSealedDocumentAndItsCertificate() throws Exception {
		sign(this.links.token(this.workflow, "INVESTOR"), "Ivy Investor");
		sign(this.links.token(this.workflow, "ARRANGER"), "Ada Arranger");

		for (String party : List.of(this.investor, ARRANGER)) {
			MimeMessage completed = awaitOne(party, "completed");
			byte[] sealed = staffDownload("/sealed-document");
			byte[] certificate = staffDownload("/certificate");
			assertThat(completed.getSubject()).isEqualTo("Signed by everyone: your subscription pack");
			assertThat(text(completed, "text/plain")).contains("Everyone has signed", "sealed", "certificate");
			List<Part> files = attachments(completed);
			assertThat(files).extracting(Part::getFileName)
				.containsExactly("subscription-pack-signed.pdf", "subscription-pack-certificate-of-completion.pdf");
			assertThat(files).allSatisfy((file) -> assertThat(file.isMimeType("application/pdf")).isTrue());
			byte[] pdf = files.get(0).getInputStream().readAllBytes();
			assertThat(pdf).as("the sealed document, as staff download it").isEqualTo(sealed);
			assertThat(signatures(pdf)).as("one PAdES seal").isOne();
			byte[] attachedCertificate = files.get(1).getInputStream().readAllBytes();
			assertThat(attachedCertificate).isEqualTo(certificate);
			assertThat(DocumentText.of(attachedCertificate)).contains("Certificate of completion");
		}
		await().during(Duration.ofSeconds(1))
			.atMost(Duration.ofMinutes(2))
			.until(() -> mails(this.investor, "completed").size() == 1 && mails(ARRANGER, "completed").size() == 1);
	}

	@Test
	void statesOnTheCertificateTheAddressEachSignersLinkWasSentTo() throws Exception {
		String corrected = "ivy.new-" + UUID.randomUUID() + "@investor.example.org";
		assertThat(this.api
			.put("/api/v1/workflows/" + this.workflow + "/signers/INVESTOR/contact",
					"{\"name\":\"Ivy Investor\",\"email\":\"" + corrected + "\"}", "Authorization", OPERATIONS)
			.status()).isEqualTo(200);
		sign(this.links.token(this.workflow, "INVESTOR"), "Ivy Investor");
		sign(this.links.token(this.workflow, "ARRANGER"), "Ada Arranger");
		awaitOne(corrected, "completed");

		String certificate = DocumentText.of(staffDownload("/certificate")).replaceAll("\\s+", " ");
		assertThat(certificate)
			.contains("holder of the signing link sent to " + corrected + "; link revision 2",
					"holder of the signing link sent to " + ARRANGER + "; link revision 1")
			.doesNotContain("no address recorded")
			.doesNotContain(this.investor);
	}

	private byte[] staffDownload(String what) {
		Api.Response response = this.api.get("/api/v1/workflows/" + this.workflow + what, "Authorization", APPROVER);
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		return response.bytes();
	}

	private static int signatures(byte[] pdf) throws Exception {
		try (PDDocument document = Loader.loadPDF(pdf)) {
			return document.getSignatureDictionaries().size();
		}
	}

	@Test
	void tellsEarlierSignersAndTheRequesterOfADecline() throws Exception {
		sign(this.links.token(this.workflow, "INVESTOR"), "Ivy Investor");
		this.api.post("/api/v1/signing/" + this.links.token(this.workflow, "ARRANGER") + "/decline",
				"{\"reason\":\"the fee schedule is wrong\"}");

		for (String told : List.of(this.investor, REQUESTER)) {
			MimeMessage declined = awaitOne(told, "declined");
			assertThat(declined.getSubject()).isEqualTo("Not signed: Ada Arranger declined the subscription pack");
			assertThat(text(declined, "text/plain")).contains("The reason given: the fee schedule is wrong");
		}
	}

	@Test
	void tellsEveryPartyOfACancellation() throws Exception {
		this.cancellation.byStaff(this.workflow, 0, "the investor withdrew", "olga");

		for (String party : List.of(this.investor, ARRANGER)) {
			MimeMessage cancelled = awaitOne(party, "cancelled");
			assertThat(cancelled.getSubject()).isEqualTo("Cancelled: your subscription pack");
			assertThat(text(cancelled, "text/plain")).contains("was cancelled", "the investor withdrew");
		}
	}

	@Test
	void remindsWithAFreshLinkAndTellsOnceWhenTheLinkExpired() throws Exception {
		String first = this.links.token(this.workflow, "INVESTOR");
		awaitOne(this.investor, "signing-request");
		this.jdbc.sql("UPDATE signer SET link_issued_at = now() - interval '4 days' WHERE workflow_id = :id")
			.param("id", this.workflow)
			.update();

		this.reminders.run();

		MimeMessage reminder = awaitOne(this.investor, "signing-reminder");
		String fresh = this.links.token(this.workflow, "INVESTOR");
		assertThat(fresh).isNotEqualTo(first);
		assertThat(reminder.getSubject()).isEqualTo("Reminder: please sign your subscription pack");
		assertThat(reminder.getMessageID()).contains(".2.");
		assertThat(text(reminder, "text/plain")).contains(fresh, "replaces the one we sent before");
		assertThat(this.api.get("/api/v1/signing/" + first).status()).isEqualTo(404);

		this.jdbc.sql("UPDATE signer SET link_expires_at = now() - interval '1 minute' WHERE workflow_id = :id")
			.param("id", this.workflow)
			.update();
		this.reminders.run();
		this.reminders.run();

		MimeMessage expired = awaitOne(this.investor, "link-expired");
		assertThat(expired.getSubject()).isEqualTo("Your signing link has expired");
		assertThat(text(expired, "text/plain")).contains("no longer works", "Nothing was signed");
		await().during(Duration.ofSeconds(1))
			.atMost(Duration.ofMinutes(2))
			.until(() -> mails(this.investor, "link-expired").size() == 1);
	}

	@Test
	void staffCorrectAnAddressAndTheNewLinkGoesThere() throws Exception {
		String corrected = "ivy.corrected-" + UUID.randomUUID() + "@investor.example.org";
		Api.Response answer = this.api.put("/api/v1/workflows/" + this.workflow + "/signers/INVESTOR/contact",
				"{\"name\":\"Ivy Investor\",\"email\":\"" + corrected + "\"}", "Authorization", OPERATIONS);

		assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
		MimeMessage request = awaitOne(corrected, "signing-request");
		assertThat(text(request, "text/plain")).contains(this.links.token(this.workflow, "INVESTOR"));
		assertThat(request.getMessageID()).contains(".2.");
		Api.Response failed = this.api.get("/api/v1/mails/failed", "Authorization", OPERATIONS);
		assertThat(failed.status()).isEqualTo(200);
		Api.Response unknown = this.api.post("/api/v1/mails/" + UUID.randomUUID() + "/resend", "{}", "Authorization",
				OPERATIONS);
		assertThat(unknown.status()).isEqualTo(404);
		Api.Response badRecipient = this.api.post("/api/v1/mails/" + UUID.randomUUID() + "/resend",
				"{\"recipient\":\"nobody\"}", "Authorization", OPERATIONS);
		assertThat(badRecipient.status()).isEqualTo(400);
		assertThat(badRecipient.text()).contains("recipient");
		assertThat(this.api
			.get("/api/v1/mails/failed", "Authorization", "Bearer " + DevTokens.example().token("carl", "compliance"))
			.status()).isEqualTo(403);
		Api.Response invalid = this.api.put("/api/v1/workflows/" + this.workflow + "/signers/INVESTOR/contact",
				"{\"name\":\"Ivy\",\"email\":\"not-an-address\"}", "Authorization", OPERATIONS);
		assertThat(invalid.status()).isEqualTo(400);
		assertThat(invalid.text()).contains("email");
	}

	private void sign(String token, String name) {
		Api.Response signed = this.api.post("/api/v1/signing/" + token + "/signature",
				"{\"typedName\":\"" + name + "\",\"consent\":true}");
		assertThat(signed.status()).as(signed.toString()).isEqualTo(200);
	}

	private MimeMessage awaitOne(String address, String kind) {
		await().atMost(Duration.ofSeconds(60)).until(() -> !mails(address, kind).isEmpty());
		List<MimeMessage> found = mails(address, kind);
		assertThat(found).as("%s mails to %s", kind, address).hasSize(1);
		return found.get(0);
	}

	private List<MimeMessage> mails(String address, String kind) {
		return TestMailbox.to(this.smtp, address).stream().filter((mail) -> {
			try {
				return mail.getMessageID().startsWith("<" + kind + "." + this.workflow);
			}
			catch (jakarta.mail.MessagingException ex) {
				throw new IllegalStateException(ex);
			}
		}).toList();
	}

}
