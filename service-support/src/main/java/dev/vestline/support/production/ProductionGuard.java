package dev.vestline.support.production;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.vestline.support.security.DevTokens;

import org.springframework.core.env.Environment;

/**
 * Refuses to start a service under the {@code prod} profile with a missing or example
 * secret, a test key, or a localhost public URL. Checked: the JWT key, the database
 * password, every property named in {@code vestline.production.secrets} and every URL
 * named in {@code vestline.production.public-urls} (a service lists its own there), and
 * the SMTP server and credentials of a service that sends mail.
 */
public class ProductionGuard {

	private static final List<String> EXAMPLE_MARKERS = List.of("example", "change-me", "changeme", "dev-only", "test",
			"secret", "password");

	private final Environment environment;

	public ProductionGuard(Environment environment) {
		this.environment = environment;
	}

	/**
	 * @throws IllegalStateException naming every problem at once
	 */
	public void check() {
		List<String> problems = new ArrayList<>();
		if (!usesIdentityProvider()) {
			checkSecret("vestline.security.jwt.secret", DevTokens.EXAMPLE_SECRET, problems);
			String issuer = this.environment.getProperty("vestline.security.jwt.issuer");
			if (issuer == null || issuer.isBlank() || issuer.equals(DevTokens.ISSUER)) {
				problems.add("vestline.security.jwt.issuer is not set, or is the dev issuer");
			}
		}
		checkSecret("spring.datasource.password", null, problems);
		for (String name : list("vestline.production.secrets")) {
			checkSecret(name, null, problems);
		}
		for (String name : list("vestline.production.public-urls")) {
			checkPublicUrl(name, problems);
		}
		new SmtpCredentials(this.environment).check(problems);
		if (!problems.isEmpty()) {
			throw new IllegalStateException(
					"Refusing to start under the prod profile:\n - " + String.join("\n - ", problems));
		}
	}

	private boolean usesIdentityProvider() {
		return this.environment.containsProperty("spring.security.oauth2.resourceserver.jwt.issuer-uri")
				|| this.environment.containsProperty("spring.security.oauth2.resourceserver.jwt.jwk-set-uri");
	}

	private void checkSecret(String name, String example, List<String> problems) {
		String value = this.environment.getProperty(name);
		if (value == null || value.isBlank()) {
			problems.add(name + " is not set");
			return;
		}
		String lower = value.toLowerCase(Locale.ROOT);
		String application = this.environment.getProperty("vestline.schema", "");
		if (value.equals(example) || EXAMPLE_MARKERS.stream().anyMatch(lower::contains)
				|| lower.equals(application.toLowerCase(Locale.ROOT)) || value.length() < 16) {
			problems.add(name + " is an example or test value, or shorter than 16 characters");
		}
	}

	private void checkPublicUrl(String name, List<String> problems) {
		String value = this.environment.getProperty(name);
		if (value == null || value.isBlank()) {
			problems.add(name + " is not set");
		}
		else if (value.matches("(?i)^\\w+://(localhost|127\\.|0\\.0\\.0\\.0|\\[::1]).*")) {
			problems.add(name + " points at this machine (" + value + "), not a public URL");
		}
	}

	private List<String> list(String name) {
		String value = this.environment.getProperty(name, "");
		return value.isBlank() ? List.of() : List.of(value.split("\\s*,\\s*"));
	}

}
