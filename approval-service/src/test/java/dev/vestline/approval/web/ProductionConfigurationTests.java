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
		.withPropertyValues("spring.profiles.active=prod", "vestline.schema=approval");

	@Test
	void refusesToStartWithTheDevelopmentSharedSecretOrWithoutAnIdentityProvider() {
		this.runner
			.withPropertyValues("vestline.security.jwt.dev-shared-secret=" + DevTokens.EXAMPLE_SECRET,
					"spring.datasource.password=Vr7#kq2Lp9xZ4mWe")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.hasStackTraceContaining("vestline.security.jwt.dev-shared-secret is set")
				.hasStackTraceContaining("issuer-uri (or jwk-set-uri) is not set"));
		this.runner
			.withPropertyValues(
					"spring.security.oauth2.resourceserver.jwt.issuer-uri=https://login.vestline.example.com",
					"spring.datasource.password=Vr7#kq2Lp9xZ4mWe")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.hasStackTraceContaining("spring.security.oauth2.resourceserver.jwt.audiences is not set"));
	}

	@Test
	void startsWithAnIdentityProviderAndRealValues() {
		this.runner
			.withPropertyValues(
					"spring.security.oauth2.resourceserver.jwt.issuer-uri=https://login.vestline.example.com",
					"spring.security.oauth2.resourceserver.jwt.audiences=vestline",
					"spring.datasource.password=Vr7#kq2Lp9xZ4mWe")
			.run((context) -> assertThat(context).hasNotFailed());
	}

	@Test
	void startsOutsideProdWithTheDevDefaults() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(ProductionGuardAutoConfiguration.class))
			.run((context) -> assertThat(context).hasNotFailed());
	}

}
