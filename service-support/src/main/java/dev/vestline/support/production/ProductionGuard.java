package dev.vestline.support.production;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.vestline.support.security.JwtProperties;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/**
 * Refuses to start a service under the {@code prod} profile with a missing or example
 * secret, a test key, a localhost public URL, or a development switch. Checked: an
 * identity provider with an audience is configured and the development shared secret is
 * not; the database password, every property named in {@code vestline.production.secrets}
 * and every URL named in {@code vestline.production.public-urls}; every switch named in
 * {@code vestline.production.dev-only-switches} is off (a service lists its own there);
 * the {@code dev} profile is not active beside {@code prod}; the SMTP server and
 * credentials of a service that sends mail are real.
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
		checkIdentity(problems);
		checkSecret("spring.datasource.password", null, problems);
		for (String name : list("vestline.production.secrets")) {
			checkSecret(name, null, problems);
		}
		for (String name : list("vestline.production.public-urls")) {
			checkPublicUrl(name, problems);
		}
		for (String name : list("vestline.production.dev-only-switches")) {
			String value = this.environment.getProperty(name, "");
			if (!value.isBlank() && !value.equalsIgnoreCase("false")) {
				problems.add(name + " is a development switch and is on");
			}
		}
		if (this.environment.matchesProfiles("dev")) {
			problems.add("the dev profile is active beside prod");
		}
		new SmtpCredentials(this.environment).check(problems);
		if (!problems.isEmpty()) {
			throw new IllegalStateException(
					"Refusing to start under the prod profile:\n - " + String.join("\n - ", problems));
		}
	}

	private void checkIdentity(List<String> problems) {
		String issuer = this.environment.getProperty("spring.security.oauth2.resourceserver.jwt.issuer-uri", "");
		String jwkSet = this.environment.getProperty("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", "");
		if (issuer.isBlank() && jwkSet.isBlank()) {
			problems.add("spring.security.oauth2.resourceserver.jwt.issuer-uri (or jwk-set-uri) is not set: "
					+ "production tokens come from an identity provider");
		}
		else if (Binder.get(this.environment)
			.bind("spring.security.oauth2.resourceserver.jwt.audiences", Bindable.listOf(String.class))
			.orElse(List.of())
			.stream()
			.allMatch(String::isBlank)) {
			problems.add("spring.security.oauth2.resourceserver.jwt.audiences is not set");
		}
		String secret = this.environment.getProperty(JwtProperties.DEV_SHARED_SECRET, "");
		if (!secret.isBlank()) {
			problems.add(JwtProperties.DEV_SHARED_SECRET + " is set: the shared secret is for development only"
					+ ((secret.getBytes(StandardCharsets.UTF_8).length < 32) ? ", and shorter than 32 bytes" : ""));
		}
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
