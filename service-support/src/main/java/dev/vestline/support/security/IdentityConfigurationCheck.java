package dev.vestline.support.security;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/**
 * Refuses, in every profile, a token configuration that would accept more than it should:
 * an identity provider without an audience (any token the provider issues for any
 * application would pass), the shared secret beside an identity provider (two ways in),
 * or a shared secret too short for HS256.
 */
final class IdentityConfigurationCheck {

	static final String ISSUER_URI = "spring.security.oauth2.resourceserver.jwt.issuer-uri";

	static final String JWK_SET_URI = "spring.security.oauth2.resourceserver.jwt.jwk-set-uri";

	static final String AUDIENCES = "spring.security.oauth2.resourceserver.jwt.audiences";

	private final Environment environment;

	IdentityConfigurationCheck(Environment environment) {
		this.environment = environment;
	}

	/**
	 * @param environment the service's configuration
	 * @return whether it names an identity provider
	 */
	static boolean usesIdentityProvider(Environment environment) {
		return hasText(environment, ISSUER_URI) || hasText(environment, JWK_SET_URI);
	}

	/**
	 * @param environment the service's configuration
	 * @return whether it names any audience
	 */
	static boolean hasAudience(Environment environment) {
		return !Binder.get(environment)
			.bind(AUDIENCES, Bindable.listOf(String.class))
			.orElse(List.of())
			.stream()
			.allMatch(String::isBlank);
	}

	/**
	 * @throws IllegalStateException naming every problem
	 */
	void check() {
		List<String> problems = new ArrayList<>();
		boolean provider = usesIdentityProvider(this.environment);
		String secret = this.environment.getProperty(JwtProperties.DEV_SHARED_SECRET, "");
		if (provider && !hasAudience(this.environment)) {
			problems.add(AUDIENCES + " is not set: name the audience your identity provider puts in Vestline's "
					+ "access tokens (e.g. vestline, or api://vestline for Entra ID)");
		}
		if (provider && !secret.isBlank()) {
			problems.add(JwtProperties.DEV_SHARED_SECRET + " is set beside an identity provider: use one of them");
		}
		if (!secret.isBlank() && secret.getBytes(StandardCharsets.UTF_8).length < 32) {
			problems.add(JwtProperties.DEV_SHARED_SECRET + " is shorter than 32 bytes (HS256 needs 256 bits)");
		}
		if (!problems.isEmpty()) {
			throw new IllegalStateException("Refusing this token configuration:\n - " + String.join("\n - ", problems));
		}
	}

	private static boolean hasText(Environment environment, String name) {
		String value = environment.getProperty(name);
		return value != null && !value.isBlank();
	}

}
