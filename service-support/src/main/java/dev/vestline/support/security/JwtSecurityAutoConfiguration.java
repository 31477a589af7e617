package dev.vestline.support.security;

import java.nio.charset.StandardCharsets;

import javax.crypto.spec.SecretKeySpec;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.OAuth2ResourceServerAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;

/**
 * Bearer tokens for every service. With an identity provider
 * ({@code spring.security.oauth2.resourceserver.jwt.issuer-uri} or {@code jwk-set-uri},
 * plus {@code audiences}) Spring Boot's decoder verifies RS256/ES256 signatures against
 * the provider's JWK set, which Nimbus fetches again when a token names a key it has not
 * seen (a rotation needs no restart), and checks issuer, audience and expiry. Development
 * may instead set {@code vestline.security.jwt.dev-shared-secret} (HS256, never under
 * {@code prod}). Either way a token without a subject ({@code sub}) is refused (401):
 * every change records its caller. Roles come from the configured claims
 * ({@link JwtProperties#rolesClaims()}) as {@code ROLE_<role>} authorities, so services
 * write {@code hasRole("compliance")}. Each service declares its own
 * {@code SecurityFilterChain} with
 * {@code oauth2ResourceServer((o) -> o.jwt(Customizer.withDefaults()))}.
 */
@AutoConfiguration(after = OAuth2ResourceServerAutoConfiguration.class,
		// where Spring Authorization Server is on the class path too (service-support's
		// tests), its decoder of its own keys must not take the service's place
		beforeName = "org.springframework.boot.security.oauth2.server.authorization.autoconfigure.servlet."
				+ "OAuth2AuthorizationServerJwtAutoConfiguration")
@EnableConfigurationProperties(JwtProperties.class)
public class JwtSecurityAutoConfiguration {

	/**
	 * Checked before any bean exists, so a contradictory configuration fails with its
	 * reasons rather than with whatever bean it breaks first.
	 */
	@Bean
	static BeanFactoryPostProcessor identityConfigurationCheck(Environment environment) {
		return (factory) -> new IdentityConfigurationCheck(environment).check();
	}

	/**
	 * The decoder when no identity provider is configured (Boot's takes precedence when
	 * one is): the development shared secret, or a clear refusal.
	 */
	@Bean
	@ConditionalOnMissingBean
	JwtDecoder jwtDecoder(JwtProperties properties, OAuth2TokenValidator<Jwt> subjectRequired) {
		String secret = properties.devSharedSecret();
		if (secret == null || secret.isBlank()) {
			throw new IllegalStateException("No identity provider: set spring.security.oauth2.resourceserver.jwt."
					+ "issuer-uri and audiences, or for development only " + JwtProperties.DEV_SHARED_SECRET);
		}
		NimbusJwtDecoder decoder = NimbusJwtDecoder
			.withSecretKey(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"))
			.macAlgorithm(MacAlgorithm.HS256)
			.build();
		decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
				JwtValidators.createDefaultWithIssuer(properties.devIssuer()), subjectRequired));
		return decoder;
	}

	/**
	 * A token must name its caller: every change is recorded with the {@code sub} as its
	 * actor. Spring Boot's decoder applies every validator bean, so this one holds with
	 * an identity provider too.
	 * @return the validator that refuses a token without a subject or with a blank one
	 */
	@Bean
	OAuth2TokenValidator<Jwt> subjectRequired() {
		return new JwtClaimValidator<@Nullable String>(JwtClaimNames.SUB,
				(subject) -> subject != null && !subject.isBlank());
	}

	@Bean
	@ConditionalOnMissingBean
	JwtAuthenticationConverter jwtAuthenticationConverter(JwtProperties properties) {
		JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
		converter.setJwtGrantedAuthoritiesConverter(new RolesClaims(properties.rolesClaims(), properties.rolePrefix()));
		return converter;
	}

}
