package dev.vestline.support;

import dev.vestline.support.production.ProductionGuard;
import dev.vestline.support.security.DevTokens;
import org.junit.jupiter.api.Test;

import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatNoException;

class ProductionGuardTests {

	@Test
	void refusesExampleSecretsMissingSecretsAndLocalhostUrls() {
		MockEnvironment environment = new MockEnvironment()
			.withProperty("vestline.production.secrets", "vestline.billing.webhook-secret")
			.withProperty("vestline.production.public-urls", "vestline.signature.public-base-url")
			.withProperty("vestline.signature.public-base-url", "http://localhost:8082");
		assertThatIllegalStateException().isThrownBy(() -> new ProductionGuard(environment).check())
			.withMessageContaining("issuer-uri (or jwk-set-uri) is not set")
			.withMessageContaining("spring.datasource.password is not set")
			.withMessageContaining("vestline.billing.webhook-secret is not set")
			.withMessageContaining("points at this machine");
	}

	@Test
	void refusesTheDevelopmentSharedSecretEvenBesideAnIdentityProvider() {
		MockEnvironment environment = real().withProperty("vestline.security.jwt.dev-shared-secret",
				"k9Q2vX7pL4mN8rT1wZ5yB3cF6hJ0aD2sQ");
		assertThatIllegalStateException().isThrownBy(() -> new ProductionGuard(environment).check())
			.withMessageContaining("vestline.security.jwt.dev-shared-secret is set")
			.withMessageNotContaining("shorter than 32 bytes");
	}

	@Test
	void saysWhenTheSharedSecretIsAlsoShorterThan32Bytes() {
		MockEnvironment environment = new MockEnvironment()
			.withProperty("vestline.security.jwt.dev-shared-secret", DevTokens.EXAMPLE_SECRET.substring(0, 31))
			.withProperty("spring.datasource.password", "Vr7#kq2Lp9xZ4mWe");
		assertThatIllegalStateException().isThrownBy(() -> new ProductionGuard(environment).check())
			.withMessageContaining("for development only, and shorter than 32 bytes")
			.withMessageContaining("issuer-uri (or jwk-set-uri) is not set");
	}

	@Test
	void refusesAnIdentityProviderWithoutAudience() {
		MockEnvironment environment = real().withProperty("spring.security.oauth2.resourceserver.jwt.audiences", "");
		assertThatIllegalStateException().isThrownBy(() -> new ProductionGuard(environment).check())
			.withMessageContaining("spring.security.oauth2.resourceserver.jwt.audiences is not set");
	}

	@Test
	void refusesDevelopmentSwitchesAndTheDevProfile() {
		MockEnvironment environment = real()
			.withProperty("vestline.production.dev-only-switches",
					"vestline.signature.links.log-urls, vestline.mail.log-only")
			.withProperty("vestline.signature.links.log-urls", "true")
			.withProperty("vestline.mail.log-only", "false");
		environment.setActiveProfiles("prod", "dev");
		assertThatIllegalStateException().isThrownBy(() -> new ProductionGuard(environment).check())
			.withMessageContaining("vestline.signature.links.log-urls is a development switch and is on")
			.withMessageNotContaining("vestline.mail.log-only")
			.withMessageContaining("the dev profile is active beside prod");
	}

	@Test
	void trustsAnIdentityProviderWithAnAudience() {
		assertThatNoException().isThrownBy(() -> new ProductionGuard(real()).check());
	}

	private static MockEnvironment real() {
		return new MockEnvironment()
			.withProperty("spring.security.oauth2.resourceserver.jwt.issuer-uri", "https://login.vestline.example.com")
			.withProperty("spring.security.oauth2.resourceserver.jwt.audiences", "vestline")
			.withProperty("spring.datasource.password", "Vr7#kq2Lp9xZ4mWe");
	}

	@Test
	void refusesAMissingExampleOrTestSmtpServerAndCredentialInAServiceThatSendsMail() {
		MockEnvironment missing = realConfiguration().withProperty("vestline.mail.enabled", "true");
		assertThatIllegalStateException().isThrownBy(() -> new ProductionGuard(missing).check())
			.withMessageContaining("spring.mail.host is not set")
			.withMessageContaining("spring.mail.username is not set")
			.withMessageContaining("spring.mail.password is not set")
			.withMessageContaining("vestline.mail.from is not set, or is an example address");
		MockEnvironment sandbox = realConfiguration().withProperty("vestline.mail.enabled", "true")
			.withProperty("spring.mail.host", "sandbox.smtp.mailtrap.io")
			.withProperty("spring.mail.username", "test-user")
			.withProperty("spring.mail.password", "SG.test-key-0123456789")
			.withProperty("vestline.mail.from", "no-reply@vestline.example.com");
		assertThatIllegalStateException().isThrownBy(() -> new ProductionGuard(sandbox).check())
			.withMessageContaining(
					"spring.mail.host (sandbox.smtp.mailtrap.io) is a local, example or test mail server")
			.withMessageContaining("spring.mail.username is an example or test credential")
			.withMessageContaining("spring.mail.password is an example or test credential")
			.withMessageContaining("vestline.mail.from");
		MockEnvironment local = realConfiguration().withProperty("vestline.mail.enabled", "true")
			.withProperty("spring.mail.host", "127.0.0.1");
		assertThatIllegalStateException().isThrownBy(() -> new ProductionGuard(local).check())
			.withMessageContaining("spring.mail.host (127.0.0.1) is a local");
	}

	@Test
	void acceptsARealSmtpServerAndIgnoresSmtpWhereNoMailIsSent() {
		MockEnvironment real = realConfiguration().withProperty("vestline.mail.enabled", "true")
			.withProperty("spring.mail.host", "smtp.eu.mailgun.org")
			.withProperty("spring.mail.username", "postmaster@mail.vestline.dev")
			.withProperty("spring.mail.password", "7f3kQ9vL2xR8mW4pZ6tB")
			.withProperty("vestline.mail.from", "signing@vestline.dev");
		assertThatNoException().isThrownBy(() -> new ProductionGuard(real).check());
		assertThatNoException().isThrownBy(() -> new ProductionGuard(realConfiguration()).check());
	}

	@Test
	void refusesAnExampleOrTestBounceMailboxAndAcceptsARealOneOrNone() {
		MockEnvironment local = realSmtp().withProperty("vestline.mail.bounces.host", "localhost")
			.withProperty("vestline.mail.bounces.user", "bounces")
			.withProperty("vestline.mail.bounces.password", "bounce-mailbox-test-password");
		assertThatIllegalStateException().isThrownBy(() -> new ProductionGuard(local).check())
			.withMessageContaining("vestline.mail.bounces.host (localhost) is a local, example or test mail server")
			.withMessageContaining("vestline.mail.bounces.password is an example or test credential")
			.withMessageNotContaining("spring.mail");
		MockEnvironment withoutCredential = realSmtp().withProperty("vestline.mail.bounces.host", "imap.fastmail.com");
		assertThatIllegalStateException().isThrownBy(() -> new ProductionGuard(withoutCredential).check())
			.withMessageContaining("vestline.mail.bounces.user is not set")
			.withMessageContaining("vestline.mail.bounces.password is not set");
		MockEnvironment real = realSmtp().withProperty("vestline.mail.bounces.host", "imap.fastmail.com")
			.withProperty("vestline.mail.bounces.user", "bounces@vestline.dev")
			.withProperty("vestline.mail.bounces.password", "Kx8vR2nQ7wL4pZ9tM3bH");
		assertThatNoException().isThrownBy(() -> new ProductionGuard(real).check());
		assertThatNoException().isThrownBy(() -> new ProductionGuard(realSmtp()).check());
	}

	private static MockEnvironment realSmtp() {
		return realConfiguration().withProperty("vestline.mail.enabled", "true")
			.withProperty("spring.mail.host", "smtp.eu.mailgun.org")
			.withProperty("spring.mail.username", "postmaster@mail.vestline.dev")
			.withProperty("spring.mail.password", "7f3kQ9vL2xR8mW4pZ6tB")
			.withProperty("vestline.mail.from", "signing@vestline.dev");
	}

	private static MockEnvironment realConfiguration() {
		return new MockEnvironment()
			.withProperty("spring.security.oauth2.resourceserver.jwt.issuer-uri", "https://login.vestline.io")
			.withProperty("spring.security.oauth2.resourceserver.jwt.audiences", "vestline")
			.withProperty("spring.datasource.password", "Vr7#kq2Lp9xZ4mWe");
	}

}
