package dev.vestline.support.security;

import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code vestline.security.jwt.*}: where a token's roles are, and the development-only
 * shared-secret mode. The identity provider itself is Spring Boot's
 * {@code spring.security.oauth2.resourceserver.jwt.issuer-uri} (or {@code jwk-set-uri})
 * and {@code audiences}.
 *
 * @param rolesClaims the claims that hold roles, each a claim name or a dotted path:
 * {@code roles} (Entra ID app roles, the local provider), {@code realm_access.roles}
 * (Keycloak), {@code groups} (Okta), {@code scope} or {@code permissions} (Auth0, with a
 * {@code role-prefix}); a claim named with dots itself (Auth0's
 * {@code https://vestline.example.com/roles}) is found as it is
 * @param rolePrefix when set, only values that start with it are roles, and the prefix is
 * dropped ({@code vestline:operations} becomes {@code operations})
 * @param devSharedSecret development only: verify HS256 tokens with this shared key (at
 * least 32 bytes) instead of an identity provider; refused under the {@code prod} profile
 * and together with an identity provider
 * @param devIssuer the {@code iss} the shared-secret mode requires
 */
@ConfigurationProperties("vestline.security.jwt")
public record JwtProperties(@DefaultValue("roles") List<String> rolesClaims, @DefaultValue("") String rolePrefix,
		@Nullable String devSharedSecret, @DefaultValue(DevTokens.ISSUER) String devIssuer) {

	/** The property that turns the shared-secret mode on. */
	public static final String DEV_SHARED_SECRET = "vestline.security.jwt.dev-shared-secret";

}
