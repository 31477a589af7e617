package dev.vestline.testharness.mail;

import java.util.Arrays;
import java.util.List;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.test.context.DynamicPropertyRegistrar;

/**
 * A real SMTP and IMAP server in the JVM (GreenMail) for the shared test context: the
 * mail outbox sends to it, tests read what it received; and a bounce mailbox on its IMAP
 * server, whose port, user and password it gives as {@code vestline.mail.bounces.*} (a
 * service's test turns the reader on with {@code vestline.mail.bounces.host}).
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestMailbox {

	/** The bounce mailbox's address, also its IMAP user. */
	public static final String BOUNCES = "bounces@vestline.example.com";

	@Bean(destroyMethod = "stop")
	GreenMail greenMail() {
		GreenMail server = new GreenMail(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP));
		server.start();
		server.setUser(BOUNCES, BOUNCES, "bounce-mailbox-test-password");
		return server;
	}

	@Bean
	DynamicPropertyRegistrar bounceMailbox(GreenMail greenMail) {
		return (registry) -> {
			registry.add("vestline.mail.bounces.port", () -> greenMail.getImap().getPort());
			registry.add("vestline.mail.bounces.ssl", () -> "false");
			registry.add("vestline.mail.bounces.user", () -> BOUNCES);
			registry.add("vestline.mail.bounces.password", () -> "bounce-mailbox-test-password");
		};
	}

	/**
	 * Puts a message into the bounce mailbox, as a mail server returning a mail would.
	 */
	public static void bounce(GreenMail server, MimeMessage message) {
		server.getUserManager().getUser(BOUNCES).deliver(message);
	}

	@Bean
	JavaMailSender testMailSender(GreenMail greenMail) {
		JavaMailSenderImpl sender = new JavaMailSenderImpl();
		sender.setHost("127.0.0.1");
		sender.setPort(greenMail.getSmtp().getPort());
		return sender;
	}

	/**
	 * @return what one address received so far
	 */
	public static List<MimeMessage> to(GreenMail server, String address) {
		return Arrays.stream(server.getReceivedMessages()).filter((message) -> isTo(message, address)).toList();
	}

	private static boolean isTo(MimeMessage message, String address) {
		try {
			Address[] recipients = message.getAllRecipients();
			return recipients != null && Arrays.stream(recipients).anyMatch((r) -> r.toString().contains(address));
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
