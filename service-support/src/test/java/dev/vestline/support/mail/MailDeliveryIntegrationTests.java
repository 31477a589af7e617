package dev.vestline.support.mail;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.vestline.messaging.HousekeepingJob;
import dev.vestline.testharness.FreePorts;
import dev.vestline.testharness.Race;
import dev.vestline.testharness.SchemaUnderTest;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.jdbc.core.simple.JdbcClient;

import static dev.vestline.testharness.mail.MimeParts.attachments;
import static dev.vestline.testharness.mail.MimeParts.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.awaitility.Awaitility.await;

/**
 * The mail outbox and its sender against real PostgreSQL and a real SMTP server
 * (GreenMail) in the JVM.
 */
class MailDeliveryIntegrationTests {

	@RegisterExtension
	static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

	static SchemaUnderTest schema;

	static JdbcClient jdbc;

	MailKitFixture kit;

	@BeforeAll
	static void createSchema() {
		schema = SchemaUnderTest.create("mail", MailAutoConfiguration.MIGRATIONS);
		jdbc = JdbcClient.create(schema.dataSource());
	}

	@AfterAll
	static void dropSchema() {
		schema.close();
	}

	@BeforeEach
	void emptyOutbox() {
		jdbc.sql("DELETE FROM mail_outbox").update();
		this.kit = new MailKitFixture(schema.dataSource(), Duration.ofSeconds(30), 3);
	}

	@Test
	void sendsPlainTextWithHtmlAlternativeAndAttachmentsUnderItsStableMessageId() throws Exception {
		Mail mail = mail("completed", "alice@investor.test")
			.attaching(new MailAttachment("pack.pdf", "application/pdf", "%PDF-1.7 test".getBytes()))
			.attaching(new MailAttachment("certificate.pdf", "application/pdf", "%PDF-1.7 cert".getBytes()));
		this.kit.append(mail);

		this.kit.sender("a", port()).sendDue();

		MimeMessage received = single(smtp.getReceivedMessages());
		assertThat(received.getMessageID()).isEqualTo(MessageIds.of(mail, "vestline.test"));
		assertThat(received.getSubject()).isEqualTo("Subject of completed");
		assertThat(received.getRecipients(Message.RecipientType.TO)).extracting(Object::toString)
			.containsExactly("Alice Investor <alice@investor.test>");
		assertThat(received.getFrom()).extracting(Object::toString)
			.containsExactly("Vestline <no-reply@vestline.test>");
		assertThat(text(received, "text/plain")).contains("Hello in plain text");
		assertThat(text(received, "text/html")).contains("<p>Hello in HTML</p>");
		List<Part> files = attachments(received);
		assertThat(files).extracting(Part::getFileName).containsExactly("pack.pdf", "certificate.pdf");
		assertThat(files.get(0).getInputStream().readAllBytes()).isEqualTo("%PDF-1.7 test".getBytes());
		assertThat(files.get(1).getInputStream().readAllBytes()).isEqualTo("%PDF-1.7 cert".getBytes());
		assertThat(status(mail)).isEqualTo("SENT");
	}

	@Test
	void writesTheSameMailOnceHoweverOftenItIsAppended() {
		Mail mail = mail("signing-request", "bob@arranger.test");

		assertThat(this.kit.append(mail)).isTrue();
		assertThat(this.kit.append(mail)).isFalse();

		assertThat(jdbc.sql("SELECT count(*) FROM mail_outbox").query(Integer.class).single()).isOne();
	}

	@Test
	void refusesToWriteAMailOutsideATransaction() {
		assertThatIllegalStateException().isThrownBy(() -> this.kit.outbox.append(mail("x", "a@b.test")))
			.withMessageContaining("transaction");
	}

	@Test
	void sendsEachMailExactlyOnceWhenTwoSendersRace() throws Exception {
		for (int round = 0; round < 5; round++) {
			smtp.purgeEmailFromAllMailboxes();
			jdbc.sql("DELETE FROM mail_outbox").update();
			List<Mail> mails = java.util.stream.IntStream.range(0, 12)
				.mapToObj((i) -> mail("signing-request", "signer" + i + "@race.test"))
				.toList();
			mails.forEach(this.kit::append);
			List<MailDelivery> senders = List.of(this.kit.sender("replica-1", port()),
					this.kit.sender("replica-2", port()));

			List<Integer> claimed = Race.run(2, (i) -> senders.get(i).sendDue());

			assertThat(claimed.get(0) + claimed.get(1)).isEqualTo(12);
			MimeMessage[] received = smtp.getReceivedMessages();
			assertThat(received).hasSize(12);
			Map<String, Long> perMessageId = java.util.Arrays.stream(received)
				.map(MailDeliveryIntegrationTests::messageId)
				.collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
			assertThat(perMessageId).hasSize(12).allSatisfy((id, count) -> assertThat(count).isOne());
			assertThat(perMessageId.keySet()).containsExactlyInAnyOrderElementsOf(
					mails.stream().map((m) -> MessageIds.of(m, "vestline.test")).toList());
		}
	}

	@Test
	void retriesWithDoublingBackoffWhileTheServerIsDownAndSendsWithTheSameMessageIdOnceItIsUp() throws Exception {
		int port = FreePorts.pick();
		Mail mail = mail("invoice", "carol@investor.test");
		this.kit.append(mail);
		MailDelivery sender = this.kit.sender("replica-1", port);

		sender.sendDue(); // nothing listens on the port
		assertThat(row(mail)).containsEntry("attempts", 1).containsEntry("status", "PENDING");
		assertThat((String) row(mail).get("last_error")).contains("Connect");
		assertThat(sender.sendDue()).as("not due before its backoff").isZero();
		this.kit.clock.advance(Duration.ofSeconds(30));
		sender.sendDue();
		assertThat(row(mail)).containsEntry("attempts", 2);
		this.kit.clock.advance(Duration.ofSeconds(59));
		assertThat(sender.sendDue()).as("the second wait is twice the first").isZero();
		this.kit.clock.advance(Duration.ofSeconds(1));

		GreenMail server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
		server.start();
		try {
			await().atMost(Duration.ofSeconds(60)).until(() -> {
				sender.sendDue();
				return "SENT".equals(status(mail));
			});
			MimeMessage received = single(server.getReceivedMessages());
			assertThat(received.getMessageID()).isEqualTo(MessageIds.of(mail, "vestline.test"));
			assertThat(row(mail)).containsEntry("attempts", 3);
		}
		finally {
			server.stop();
		}
	}

	@Test
	void aMailSentBeforeACrashGoesAgainWithTheSameMessageIdOnceItsClaimRunsOut() throws Exception {
		Mail mail = mail("signed", "dave@investor.test");
		this.kit.append(mail);
		MailDelivery crashing = new MailDelivery(this.kit.queries,
				new SmtpTransport(MailKitFixture.smtp(port()), this.kit.properties) {
					@Override
					void send(OutgoingMail outgoing) {
						super.send(outgoing);
						throw new IllegalStateException("the replica dies before it records the mail");
					}
				}, this.kit.properties, this.kit.clock, new io.micrometer.core.instrument.simple.SimpleMeterRegistry(),
				"replica-1");
		MailDelivery survivor = this.kit.sender("replica-2", port());

		org.assertj.core.api.Assertions.assertThatIllegalStateException().isThrownBy(crashing::sendDue);
		assertThat(survivor.sendDue()).as("the claim keeps the other replica off").isZero();
		this.kit.clock.advance(this.kit.properties.claim().plusSeconds(1));
		assertThat(survivor.sendDue()).isOne();

		assertThat(smtp.getReceivedMessages()).hasSize(2)
			.extracting(MailDeliveryIntegrationTests::messageId)
			.containsOnly(MessageIds.of(mail, "vestline.test"));
		assertThat(status(mail)).isEqualTo("SENT");
	}

	@Test
	void aMailBeingSentWhenTheApplicationStopsIsSentOnceAndRecordedBeforeTheStopReturns() throws Exception {
		Mail mail = mail("signed", "frank@investor.test");
		this.kit.append(mail);
		AtomicReference<HousekeepingJob> schedule = new AtomicReference<>();
		MailDelivery sender = new MailDelivery(this.kit.queries,
				new SmtpTransport(MailKitFixture.smtp(port()), this.kit.properties) {
					@Override
					void send(OutgoingMail outgoing) {
						// the application is told to stop while this mail is on its way
						await().atMost(Duration.ofSeconds(60)).until(() -> !schedule.get().isRunning());
						super.send(outgoing);
					}
				}, this.kit.properties, this.kit.clock, new io.micrometer.core.instrument.simple.SimpleMeterRegistry(),
				"stopping-replica");
		schedule.set(new HousekeepingJob("test-mail-sender", Duration.ofMillis(10), sender::sendAllDue,
				"Sending mail failed"));

		schedule.get().start();
		await().atMost(Duration.ofSeconds(60)).until(() -> claimed(mail));
		schedule.get().stop();

		assertThat(status(mail)).as("recorded before stop() returned, while the pool is still open").isEqualTo("SENT");
		assertThat(smtp.getReceivedMessages()).extracting(MailDeliveryIntegrationTests::messageId)
			.containsExactly(MessageIds.of(mail, "vestline.test"));
	}

	@Test
	void listsAMailThatFailedEveryAttemptAndResendsItToACorrectedAddress() throws Exception {
		this.kit = new MailKitFixture(schema.dataSource(), Duration.ofSeconds(1), 1);
		Mail mail = mail("signing-request", "erin@typo.test");
		this.kit.append(mail);
		this.kit.sender("replica-1", FreePorts.pick()).sendDue();

		List<FailedMail> failed = this.kit.failed.list(10);
		assertThat(failed).singleElement().satisfies((f) -> {
			assertThat(f.recipient()).isEqualTo("erin@typo.test");
			assertThat(f.kind()).isEqualTo("signing-request");
			assertThat(f.attempts()).isOne();
			assertThat(f.lastError()).isNotBlank();
		});

		this.kit.failed.resend(failed.get(0).id(), "erin@investor.test");
		this.kit.sender("replica-1", port()).sendDue();

		MimeMessage received = single(smtp.getReceivedMessages());
		assertThat(received.getRecipients(Message.RecipientType.TO)).extracting(Object::toString)
			.containsExactly("Alice Investor <erin@investor.test>");
		assertThat(received.getMessageID()).isNotEqualTo(failed.get(0).messageId());
		assertThat(this.kit.failed.list(10)).isEmpty();
	}

	@Test
	void refusesToResendAMailThatDidNotFail() {
		Mail mail = mail("signed", "frank@investor.test");
		this.kit.append(mail);
		UUID id = jdbc.sql("SELECT id FROM mail_outbox").query(UUID.class).single();

		org.assertj.core.api.Assertions.assertThatExceptionOfType(FailedMails.MailNotFailed.class)
			.isThrownBy(() -> this.kit.failed.resend(id, null));
		org.assertj.core.api.Assertions.assertThatExceptionOfType(FailedMails.MailNotFound.class)
			.isThrownBy(() -> this.kit.failed.resend(UUID.randomUUID(), null));
	}

	private static Mail mail(String kind, String to) {
		return new Mail(kind, "wf-" + to.hashCode(), 1, new Recipient(to, "Alice Investor"), "Subject of " + kind,
				"Hello in plain text", "<p>Hello in HTML</p>", List.of());
	}

	private static int port() {
		return smtp.getSmtp().getPort();
	}

	private static MimeMessage single(MimeMessage[] received) {
		assertThat(received).hasSize(1);
		return received[0];
	}

	private static String messageId(MimeMessage message) {
		try {
			return message.getMessageID();
		}
		catch (jakarta.mail.MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private boolean claimed(Mail mail) {
		return jdbc.sql("SELECT claimed_by IS NOT NULL FROM mail_outbox WHERE message_id = ?")
			.param(MessageIds.of(mail, "vestline.test"))
			.query(Boolean.class)
			.single();
	}

	private String status(Mail mail) {
		return (String) row(mail).get("status");
	}

	private Map<String, Object> row(Mail mail) {
		return jdbc.sql("SELECT status, attempts, last_error FROM mail_outbox WHERE message_id = ?")
			.param(MessageIds.of(mail, "vestline.test"))
			.query()
			.singleRow();
	}

}
