package dev.vestline.support.security;

import org.junit.jupiter.api.Test;

import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatNoException;

class IdentityConfigurationCheckTests {

	@Test
	void refusesAnIdentityProviderWithoutAudience() {
		MockEnvironment environment = new MockEnvironment()
			.withProperty("spring.security.oauth2.resourceserver.jwt.issuer-uri", "http://127.0.0.1:9000");
		assertThatIllegalStateException().isThrownBy(() -> new IdentityConfigurationCheck(environment).check())
			.withMessageContaining("audiences is not set");
	}

	@Test
	void refusesTheSharedSecretBesideAnIdentityProvider() {
		MockEnvironment environment = new MockEnvironment()
			.withProperty("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", "http://127.0.0.1:9000/oauth2/jwks")
			.withProperty("spring.security.oauth2.resourceserver.jwt.audiences", "vestline")
			.withProperty("vestline.security.jwt.dev-shared-secret", DevTokens.EXAMPLE_SECRET);
		assertThatIllegalStateException().isThrownBy(() -> new IdentityConfigurationCheck(environment).check())
			.withMessageContaining("is set beside an identity provider");
	}

	@Test
	void refusesASharedSecretShorterThan32Bytes() {
		MockEnvironment environment = new MockEnvironment().withProperty("vestline.security.jwt.dev-shared-secret",
				"0123456789abcdef0123456789abcde");
		assertThatIllegalStateException().isThrownBy(() -> new IdentityConfigurationCheck(environment).check())
			.withMessageContaining("shorter than 32 bytes");
	}

	@Test
	void acceptsEitherAProviderWithAudienceOrALongEnoughSecretOrABlankSecret() {
		assertThatNoException().isThrownBy(() -> new IdentityConfigurationCheck(new MockEnvironment()
			.withProperty("spring.security.oauth2.resourceserver.jwt.issuer-uri", "http://127.0.0.1:9000")
			.withProperty("spring.security.oauth2.resourceserver.jwt.audiences", "vestline")
			.withProperty("vestline.security.jwt.dev-shared-secret", "")).check());
		assertThatNoException().isThrownBy(() -> new IdentityConfigurationCheck(
				new MockEnvironment().withProperty("vestline.security.jwt.dev-shared-secret", DevTokens.EXAMPLE_SECRET))
			.check());
	}

}
