package dev.vestline.approval.web;

import dev.vestline.support.production.ProductionGuardAutoConfiguration;
import dev.vestline.support.security.DevTokens;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

class ProductionConfigurationTests {

	final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ProductionGuardAutoConfiguration.class))
		.withUserConfiguration(ProductionIssuerGuard.class)
		.withPropertyValues("spring.profiles.active=prod", "vestline.schema=approval");

	@Test
	void refusesToStartWithTheDevSecretOrTheDevIssuer() {
		this.runner
			.withPropertyValues("vestline.security.jwt.secret=" + DevTokens.EXAMPLE_SECRET,
					"vestline.security.jwt.issuer=" + DevTokens.ISSUER, "spring.datasource.password=Vr7#kq2Lp9xZ4mWe")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.hasStackTraceContaining("vestline.security.jwt.secret is an example")
				.hasStackTraceContaining("vestline.security.jwt.issuer must name the production token issuer"));
		this.runner
			.withPropertyValues("vestline.security.jwt.secret=k9Q2vX7pL4mN8rT1wZ5yB3cF6hJ0aD2s",
					"spring.datasource.password=Vr7#kq2Lp9xZ4mWe")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.hasStackTraceContaining("vestline.security.jwt.issuer must name the production token issuer"));
	}

	@Test
	void startsWithRealValues() {
		this.runner
			.withPropertyValues("vestline.security.jwt.secret=k9Q2vX7pL4mN8rT1wZ5yB3cF6hJ0aD2s",
					"vestline.security.jwt.issuer=https://login.vestline.example.com",
					"spring.datasource.password=Vr7#kq2Lp9xZ4mWe")
			.run((context) -> assertThat(context).hasNotFailed());
	}

	@Test
	void startsOutsideProdWithTheDevDefaults() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(ProductionGuardAutoConfiguration.class))
			.withUserConfiguration(ProductionIssuerGuard.class)
			.run((context) -> assertThat(context).hasNotFailed());
	}

}
