package dev.vestline.billing;

import java.io.IOException;

import dev.vestline.support.production.ProductionGuard;
import org.junit.jupiter.api.Test;

import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.mock.env.MockPropertySource;

import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class BillingProductionGuardTests {

	@Test
	void refusesTheExampleWebhookSecretInProduction() throws IOException {
		StandardEnvironment environment = environment();
		assertThatIllegalStateException().isThrownBy(() -> new ProductionGuard(environment).check())
			.withMessageContaining("vestline.billing.webhook.secret");
	}

	@Test
	void refusesTheLocalMailServerAndAMissingSmtpCredentialInProduction() throws IOException {
		StandardEnvironment environment = environment();
		assertThatIllegalStateException().isThrownBy(() -> new ProductionGuard(environment).check())
			.withMessageContaining("spring.mail.host (localhost) is a local, example or test mail server")
			.withMessageContaining("spring.mail.username is not set")
			.withMessageContaining("vestline.mail.from is not set, or is an example address");
	}

	private static StandardEnvironment environment() throws IOException {
		StandardEnvironment environment = new StandardEnvironment();
		new YamlPropertySourceLoader().load("application", new ClassPathResource("application.yml"))
			.forEach(environment.getPropertySources()::addLast);
		environment.getPropertySources()
			.addFirst(new MockPropertySource()
				.withProperty("vestline.security.jwt.secret", "Jk3mN8qR2vX6zB1dF5hK9pS4tW7yC0gL")
				.withProperty("spring.datasource.password", "Vb7nM2qL9xK4rT8wZ1cF6hJ3pD5sG0aY"));
		return environment;
	}

}
