package dev.vestline.support.production;

import java.util.List;
import java.util.Locale;

import org.springframework.core.env.Environment;

/**
 * The mail part of the {@link ProductionGuard}, in a service that sends mail
 * ({@code vestline.mail.enabled}): a real SMTP host, a user and a password that are no
 * example or test credential, and a real sender; and, when a bounce mailbox is named
 * ({@code vestline.mail.bounces.host}), a real IMAP host and credential for it too. Mail
 * providers' sandboxes and test keys (Mailtrap, a local GreenMail or MailDev) would
 * swallow every mail without a word.
 */
final class SmtpCredentials {

	private static final List<String> TEST_HOSTS = List.of("localhost", "127.", "0.0.0.0", "[::1]", "example",
			"mailtrap", "sandbox", "greenmail", "maildev", "mailhog", "mailpit", "test");

	private static final List<String> TEST_CREDENTIALS = List.of("example", "change-me", "changeme", "test", "sandbox",
			"dev-only", "password", "secret");

	private final Environment environment;

	SmtpCredentials(Environment environment) {
		this.environment = environment;
	}

	void check(List<String> problems) {
		if (!this.environment.getProperty("vestline.mail.enabled", Boolean.class, false)) {
			return;
		}
		checkServer("spring.mail.host", "spring.mail.username", "spring.mail.password", problems);
		if (!lower("vestline.mail.bounces.host").isBlank()) {
			checkServer("vestline.mail.bounces.host", "vestline.mail.bounces.user", "vestline.mail.bounces.password",
					problems);
		}
		String from = lower("vestline.mail.from");
		if (from.isBlank() || from.contains("example")) {
			problems.add("vestline.mail.from is not set, or is an example address");
		}
	}

	private void checkServer(String hostName, String userName, String passwordName, List<String> problems) {
		String host = lower(hostName);
		if (host.isBlank()) {
			problems.add(hostName + " is not set");
		}
		else if (TEST_HOSTS.stream().anyMatch(host::contains)) {
			problems.add(hostName + " (" + host + ") is a local, example or test mail server");
		}
		checkCredential(userName, 1, problems);
		checkCredential(passwordName, 16, problems);
	}

	private void checkCredential(String name, int minLength, List<String> problems) {
		String value = lower(name);
		if (value.isBlank()) {
			problems.add(name + " is not set");
		}
		else if (TEST_CREDENTIALS.stream().anyMatch(value::contains) || value.length() < minLength) {
			problems.add(name + " is an example or test credential, or shorter than " + minLength + " characters");
		}
	}

	private String lower(String name) {
		return this.environment.getProperty(name, "").toLowerCase(Locale.ROOT);
	}

}
