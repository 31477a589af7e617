package dev.vestline.signature;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

import dev.vestline.support.production.ProductionGuard;
import org.junit.jupiter.api.Test;

import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The service's own configuration, as the {@code prod} profile's guard checks it.
 */
class ProductionConfigurationTests {

	@Test
	void refusesTheLocalhostSigningLinkBaseUrl() throws IOException {
		StandardEnvironment environment = environment(Map.of());
		assertThatThrownBy(() -> new ProductionGuard(environment).check())
			.hasMessageContaining("vestline.signature.links.public-base-url points at this machine");
	}

	@Test
	void refusesTheLocalMailServerAndAMissingSmtpCredential() throws IOException {
		StandardEnvironment environment = environment(Map.of());
		assertThatThrownBy(() -> new ProductionGuard(environment).check())
			.hasMessageContaining("spring.mail.host (localhost) is a local, example or test mail server")
			.hasMessageContaining("spring.mail.password is not set")
			.hasMessageContaining("vestline.mail.from is not set, or is an example address");
	}

	@Test
	void startsWithAPublicBaseUrlRealSecretsAndARealMailRelay() throws IOException {
		Map<String, Object> real = new HashMap<>(Map.of("vestline.signature.links.public-base-url",
				"https://sign.vestline.io/sign", "spring.datasource.password", "Lk5Hq2Wm8Rn4Tz7Vc1Xb",
				"spring.security.oauth2.resourceserver.jwt.issuer-uri", "https://id.vestline.io",
				"spring.security.oauth2.resourceserver.jwt.audiences", "vestline"));
		real.putAll(
				Map.of("spring.mail.host", "smtp.eu.mailgun.org", "spring.mail.username", "postmaster@mail.vestline.io",
						"spring.mail.password", "7f3kQ9vL2xR8mW4pZ6tB", "vestline.mail.from", "signing@vestline.io"));
		StandardEnvironment environment = environment(real);
		assertThatCode(() -> new ProductionGuard(environment).check()).doesNotThrowAnyException();
	}

	@Test
	void refusesAMissingSealingKeyPassword() throws IOException {
		Map<String, Object> deployment = new HashMap<>(Map.of("SIGNING_PUBLIC_BASE_URL",
				"https://sign.vestline.io/sign", "SIGNATURE_SEALING_KEY_STORE", "file:/etc/vestline/sealing/seal.p12"));
		// the rest of what the Deployment sets, so that only the sealing password is
		// missing
		deployment.putAll(Map.of("SMTP_HOST", "smtp.eu.mailgun.org", "SMTP_USERNAME", "postmaster@mail.vestline.io",
				"SMTP_PASSWORD", "7f3kQ9vL2xR8mW4pZ6tB", "MAIL_FROM", "signing@vestline.io"));
		StandardEnvironment environment = environment(deployment, "application-prod.yml");
		assertThatThrownBy(() -> new ProductionGuard(environment).check())
			.hasMessageContaining("vestline.signature.sealing.key-store-password is not set");
	}

	private static StandardEnvironment environment(Map<String, Object> overrides, String... files) throws IOException {
		StandardEnvironment environment = new StandardEnvironment();
		for (String file : files) {
			new YamlPropertySourceLoader().load(file, new ClassPathResource(file))
				.forEach(environment.getPropertySources()::addLast);
		}
		new YamlPropertySourceLoader().load("application", new ClassPathResource("application.yml"))
			.forEach(environment.getPropertySources()::addLast);
		environment.getPropertySources().addFirst(new MapPropertySource("overrides", overrides));
		return environment;
	}

}
