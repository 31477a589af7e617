package dev.vestline.signature.mail;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.util.GreenMail;
import dev.vestline.events.Contact;
import dev.vestline.signature.Api;
import dev.vestline.signature.CapturedLinks;
import dev.vestline.signature.Grants;
import dev.vestline.signature.OpenWorkflows;
import dev.vestline.signature.SignatureIntegrationTest;
import dev.vestline.signature.workflows.WorkflowOpening;
import dev.vestline.support.mail.bounce.BounceReader;
import dev.vestline.support.security.DevTokens;
import dev.vestline.testharness.Race;
import dev.vestline.testharness.mail.TestMailbox;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.Flags;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static dev.vestline.testharness.mail.MimeParts.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Bounces as mail servers return them, read from a real IMAP mailbox: the bounced mail is
 * marked and shown to staff, who re-send it to a corrected address; garbage never stops
 * the reader; two replicas reading the same bounce mark the mail once.
 */
@SignatureIntegrationTest
class BounceIntegrationTests {

	static final String OPERATIONS = "Bearer " + DevTokens.example().token("olga", "operations");

	@LocalServerPort
	int port;

	@Autowired
	WorkflowOpening opening;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	CapturedLinks links;

	@Autowired
	GreenMail mailServer;

	@Autowired
	BounceReader reader;

	@Autowired
	MeterRegistry meters;

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
	void marksTheMailADeliveryStatusNotificationNamesBouncedAndShowsItToStaff() throws Exception {
		MimeMessage request = sent(this.investor);
		TestMailbox.bounce(this.mailServer,
				ReturnedMails.deliveryStatus(request.getMessageID(), this.investor, "failed"));

		JsonNode bounced = awaitListed(request.getMessageID());
		assertThat(bounced.get("status").asString()).isEqualTo("BOUNCED");
		assertThat(bounced.get("recipient").asString()).isEqualTo(this.investor);
		assertThat(bounced.get("kind").asString()).isEqualTo("signing-request");
		assertThat(bounced.get("lastError").asString()).contains("status 5.1.1", "User unknown", this.investor);
		assertThat(status(request.getMessageID())).isEqualTo("BOUNCED");
	}

	@Test
	void readsAPlainReturnedMailByTheOriginalItAttaches() throws Exception {
		MimeMessage request = sent(SigningMailIntegrationTests.ARRANGER);
		TestMailbox.bounce(this.mailServer, ReturnedMails.returnedToSender(request));

		JsonNode bounced = awaitListed(request.getMessageID());
		assertThat(bounced.get("status").asString()).isEqualTo("BOUNCED");
		assertThat(bounced.get("lastError").asString()).contains("mailbox full");
	}

	@Test
	void staffResendABouncedMailToTheCorrectedAddress() throws Exception {
		MimeMessage request = sent(this.investor);
		TestMailbox.bounce(this.mailServer,
				ReturnedMails.deliveryStatus(request.getMessageID(), this.investor, "failed"));
		String id = awaitListed(request.getMessageID()).get("id").asString();
		String corrected = "ivy.corrected-" + UUID.randomUUID() + "@investor.example.org";

		Api.Response resent = this.api.post("/api/v1/mails/" + id + "/resend", "{\"recipient\":\"" + corrected + "\"}",
				"Authorization", OPERATIONS);

		assertThat(resent.status()).as(resent.toString()).isEqualTo(202);
		// the resend is in the operator-action audit, recorded with it
		var audited = this.api.get("/api/v1/operations/actions?limit=1", "Authorization", OPERATIONS)
			.json()
			.path("items")
			.get(0);
		assertThat(audited.path("action").asString()).isEqualTo("mail.resend");
		assertThat(audited.path("target").asString()).isEqualTo("mail " + id);
		assertThat(audited.path("outcome").asString()).isEqualTo("queued again to a corrected address");
		MimeMessage again = sent(corrected);
		assertThat(text(again, "text/plain")).contains(this.links.token(this.workflow, "INVESTOR"));
		assertThat(again.getMessageID()).isNotEqualTo(request.getMessageID());
		await().atMost(Duration.ofSeconds(60)).until(() -> "SENT".equals(status(again.getMessageID())));
		assertThat(this.api.post("/api/v1/mails/" + id + "/resend", "{}", "Authorization", OPERATIONS).status())
			.as("sent again already: nothing to re-send")
			.isEqualTo(409);
	}

	@Test
	void ignoresADelayNoticeAnAutoReplyAndGarbageAndKeepsReading() throws Exception {
		MimeMessage request = sent(this.investor);
		TestMailbox.bounce(this.mailServer, ReturnedMails.garbage());
		TestMailbox.bounce(this.mailServer, ReturnedMails.autoReply(request.getMessageID()));
		TestMailbox.bounce(this.mailServer,
				ReturnedMails.deliveryStatus(request.getMessageID(), this.investor, "delayed"));
		TestMailbox.bounce(this.mailServer,
				ReturnedMails.deliveryStatus(request.getMessageID(), this.investor, "failed"));

		await().atMost(Duration.ofSeconds(60)).until(() -> "BOUNCED".equals(status(request.getMessageID())));
		await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
			List<StoredMessage> stored = bounceMailbox();
			assertThat(stored)
				.allSatisfy((message) -> assertThat(message.getFlags().contains(Flags.Flag.SEEN)).isTrue());
			assertThat(stored.subList(stored.size() - 4, stored.size() - 1))
				.as("what is no bounce of ours is flagged there for a person")
				.allSatisfy((message) -> assertThat(message.getFlags().contains(Flags.Flag.FLAGGED)).isTrue());
			assertThat(stored.get(stored.size() - 1).getFlags().contains(Flags.Flag.FLAGGED)).isFalse();
		});
		assertThat(this.jdbc.sql("SELECT count(*) FROM mail_bounce WHERE original_message_id = :id")
			.param("id", request.getMessageID())
			.query(Long.class)
			.single()).as("the delay notice names the mail but is no bounce").isOne();
	}

	@Test
	void marksABouncedMailOnceWhenTwoReplicasReadTheBounceAtTheSameMoment() throws Exception {
		for (int round = 0; round < 5; round++) {
			String address = "ivy-" + round + "-" + UUID.randomUUID() + "@investor.example.org";
			new OpenWorkflows(this.opening, this.jdbc)
				.open(Grants.subscription(Grants.CONFIGURED_VEHICLE, new Contact("Ivy Investor", address)));
			MimeMessage request = sent(address);
			double before = bouncedCount();
			TestMailbox.bounce(this.mailServer,
					ReturnedMails.deliveryStatus(request.getMessageID(), address, "failed"));

			// two replicas read at once (and the schedule of this one may be a third)
			Race.run(2, (contender) -> {
				try {
					return this.reader.readOnce();
				}
				catch (MessagingException ex) {
					throw new IllegalStateException(ex);
				}
			});

			await().atMost(Duration.ofSeconds(60)).until(() -> "BOUNCED".equals(status(request.getMessageID())));
			assertThat(bouncedCount() - before).as("round %d: marked bounced once", round).isEqualTo(1.0);
			assertThat(this.jdbc.sql("SELECT count(*) FROM mail_bounce WHERE original_message_id = :id")
				.param("id", request.getMessageID())
				.query(Long.class)
				.single()).as("round %d: recorded once", round).isOne();
		}
	}

	private double bouncedCount() {
		Counter counter = this.meters.find("vestline.mail.bounce.read").tag("outcome", "bounced").counter();
		return (counter != null) ? counter.count() : 0;
	}

	private MimeMessage sent(String address) {
		await().atMost(Duration.ofSeconds(60)).until(() -> !TestMailbox.to(this.mailServer, address).isEmpty());
		MimeMessage message = TestMailbox.to(this.mailServer, address).get(0);
		await().atMost(Duration.ofSeconds(60)).until(() -> "SENT".equals(status(messageId(message))));
		return message;
	}

	private List<StoredMessage> bounceMailbox() throws FolderException {
		return this.mailServer.getManagers()
			.getImapHostManager()
			.getInbox(this.mailServer.getUserManager().getUser(TestMailbox.BOUNCES))
			.getMessages();
	}

	private JsonNode awaitListed(String messageId) {
		await().atMost(Duration.ofSeconds(60)).until(() -> "BOUNCED".equals(status(messageId)));
		return staffEntry(messageId);
	}

	private JsonNode staffEntry(String messageId) {
		Api.Response list = this.api.get("/api/v1/mails/failed?limit=500", "Authorization", OPERATIONS);
		assertThat(list.status()).isEqualTo(200);
		for (JsonNode entry : list.json()) {
			if (entry.get("messageId").asString().equals(messageId)) {
				return entry;
			}
		}
		throw new AssertionError("not listed for staff: " + messageId + " in " + list.text());
	}

	private String status(String messageId) {
		return this.jdbc.sql("SELECT status FROM mail_outbox WHERE message_id = :id")
			.param("id", messageId)
			.query(String.class)
			.optional()
			.orElse("none");
	}

	private static String messageId(MimeMessage message) {
		try {
			return message.getMessageID();
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
