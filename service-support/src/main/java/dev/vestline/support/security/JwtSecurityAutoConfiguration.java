package dev.vestline.support.security;

import java.nio.charset.StandardCharsets;

import javax.crypto.spec.SecretKeySpec;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.OAuth2ResourceServerAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;

/**
 * Verifies bearer tokens (HS256, issuer checked) and maps the {@code roles} claim to
 * {@code ROLE_<role>} authorities, so services write {@code hasRole("compliance")}. A
 * token without a subject ({@code sub}), or with a blank one, is refused (401): every
 * change records its caller. Each service declares its own {@code SecurityFilterChain}
 * with {@code oauth2ResourceServer((o) -> o.jwt(Customizer.withDefaults()))}.
 * <p>
 * With a real identity provider, set
 * {@code spring.security.oauth2.resourceserver.jwt.issuer-uri} (or {@code jwk-set-uri}):
 * Boot's decoder is then used and this HMAC one backs off.
 */
@AutoConfiguration(after = OAuth2ResourceServerAutoConfiguration.class)
@EnableConfigurationProperties(JwtProperties.class)
public class JwtSecurityAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	JwtDecoder jwtDecoder(JwtProperties properties) {
		NimbusJwtDecoder decoder = NimbusJwtDecoder
			.withSecretKey(new SecretKeySpec(properties.secret().getBytes(StandardCharsets.UTF_8), "HmacSHA256"))
			.macAlgorithm(MacAlgorithm.HS256)
			.build();
		decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
				JwtValidators.createDefaultWithIssuer(properties.issuer()), subjectRequired()));
		return decoder;
	}

	/**
	 * A token must name its caller: every change is recorded with the {@code sub} as its
	 * actor. Also picked up by Boot's decoder when a real identity provider is
	 * configured.
	 * @return the validator that refuses a token without a subject or with a blank one
	 */
	@Bean
	OAuth2TokenValidator<Jwt> subjectRequired() {
		return new JwtClaimValidator<@Nullable String>(JwtClaimNames.SUB,
				(subject) -> subject != null && !subject.isBlank());
	}

	@Bean
	@ConditionalOnMissingBean
	JwtAuthenticationConverter jwtAuthenticationConverter() {
		JwtGrantedAuthoritiesConverter roles = new JwtGrantedAuthoritiesConverter();
		roles.setAuthoritiesClaimName("roles");
		roles.setAuthorityPrefix("ROLE_");
		JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
		converter.setJwtGrantedAuthoritiesConverter(roles);
		return converter;
	}

}
