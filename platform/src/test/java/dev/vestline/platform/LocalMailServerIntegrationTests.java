package dev.vestline.platform;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import dev.vestline.testharness.FreePorts;
import jakarta.mail.Folder;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The local platform's mail server as a process of its own (GreenMail standalone on
 * 127.0.0.1): it takes mail over SMTP, shows it on its web page and API, and the demo
 * reads each signer's latest link from their mailbox.
 */
class LocalMailServerIntegrationTests {

	static LocalMailServer server;

	static JavaMailSenderImpl smtp;

	@BeforeAll
	static void startServer() {
		server = LocalMailServer.start(Path.of("..").toAbsolutePath().normalize(),
				Path.of("target", "mailbox-test").toAbsolutePath(), FreePorts.pick(), FreePorts.pick(),
				FreePorts.pick());
		smtp = new JavaMailSenderImpl();
		smtp.setHost(server.smtpHost());
		smtp.setPort(server.smtpPort());
	}

	@AfterAll
	static void stopServer() {
		server.close();
	}

	@Test
	void readsEachSignersLatestLinkOfTheWorkflowFromTheirMailbox() {
		UUID workflow = UUID.randomUUID();
		String investor = "ingrid-" + workflow + "@investor.example.org";
		String arranger = "arne-" + workflow + "@northwind.example.org";
		String first = token('a');
		String reminder = token('b');
		String arrangers = token('c');
		send(investor, "<signing-request." + workflow + "-investor.1.0123456789abcdef@vestline.example.com>", first);
		send(investor, "<signing-reminder." + workflow + "-investor.2.0123456789abcdef@vestline.example.com>",
				reminder);
		send(arranger, "<signing-request." + workflow + "-arranger.1.fedcba9876543210@vestline.example.com>",
				arrangers);
		send(arranger, "<signing-request." + UUID.randomUUID() + "-arranger.1.fedcba9876543210@vestline.example.com>",
				token('d'));

		Map<String, String> tokens = new SigningLinks(server).await(workflow,
				Map.of("INVESTOR", investor, "ARRANGER", arranger), Duration.ofSeconds(60));

		assertThat(tokens).containsExactlyInAnyOrderEntriesOf(Map.of("INVESTOR", reminder, "ARRANGER", arrangers));
	}

	@Test
	void listsAnAddresssMailsOnItsApiAndServesItsPageOnLoopbackOnly() throws Exception {
		String address = "someone-" + UUID.randomUUID() + "@example.org";
		send(address, "<signed." + UUID.randomUUID() + "-investor.2.0123456789abcdef@vestline.example.com>",
				token('e'));

		HttpClient http = HttpClient.newHttpClient();
		HttpResponse<String> inbox = http.send(HttpRequest.newBuilder(URI.create(server.inboxUrl(address))).build(),
				HttpResponse.BodyHandlers.ofString());
		HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(server.webUrl())).build(),
				HttpResponse.BodyHandlers.ofString());

		assertThat(inbox.statusCode()).isEqualTo(200);
		assertThat(inbox.body()).contains("You signed");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(server.webUrl()).startsWith("http://127.0.0.1:");
	}

	@Test
	void givesEachServiceABounceMailboxItReadsOverImap() throws Exception {
		Map<String, String> bounces = server.bounceMailbox("signature");
		String address = bounces.get("vestline.mail.bounces.user");
		assertThat(address).isEqualTo(LocalMailServer.bounceAddress("signature"));
		assertThat(bounces).containsEntry("spring.mail.properties[mail.smtp.from]", address);
		send(address, "<dsn-" + UUID.randomUUID() + "@mx.example.org>", token('f'));

		assertThat(messages(bounces)).isOne();
		Map<String, String> billing = server.bounceMailbox("billing");
		assertThat(billing.get("vestline.mail.bounces.user")).as("a mailbox per service: neither reads the other's")
			.isNotEqualTo(address);
		assertThat(messages(billing)).as("a mailbox that received nothing yet opens too").isZero();
	}

	private static int messages(Map<String, String> bounces) throws MessagingException {
		try (Store store = Session.getInstance(new Properties()).getStore("imap")) {
			store.connect(bounces.get("vestline.mail.bounces.host"),
					Integer.parseInt(bounces.get("vestline.mail.bounces.port")),
					bounces.get("vestline.mail.bounces.user"), bounces.get("vestline.mail.bounces.password"));
			Folder inbox = store.getFolder(bounces.getOrDefault("vestline.mail.bounces.folder", "INBOX"));
			inbox.open(Folder.READ_ONLY);
			try {
				return inbox.getMessageCount();
			}
			finally {
				inbox.close(false);
			}
		}
	}

	/** A mail as the services' mail kit writes it: plain text, an HTML alternative. */
	private static void send(String to, String messageId, String token) {
		MimeMessage message = new MimeMessage(smtp.getSession()) {
			@Override
			protected void updateMessageID() throws MessagingException {
				setHeader("Message-ID", messageId);
			}
		};
		try {
			MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
			helper.setFrom("signing@vestline.example.com");
			helper.setTo(to);
			helper.setSubject("You signed");
			String link = "http://localhost:8082/sign/" + token;
			helper.setText("Hello Ingrid,\n\nRead and sign the subscription pack:\n" + link + "\n",
					"<p><a href=\"" + link + "\">Read and sign</a></p>");
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex);
		}
		smtp.send(message);
	}

	private static String token(char fill) {
		return String.valueOf(fill).repeat(42) + "Z";
	}

}
