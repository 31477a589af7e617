package dev.vestline.identity;

import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientCredentialsAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.stereotype.Component;

/**
 * What a token says beyond the standard claims: which key signed it ({@code kid}, the
 * current one), the services' audience, and the roles at the configured claim path (in a
 * person's ID token too, for the console's navigation). A person's roles are their
 * authorities; a script client's are its own, or, for a client allowed to impersonate
 * (development only), the ones its request names.
 */
@Component
class AccessTokenClaims implements OAuth2TokenCustomizer<JwtEncodingContext> {

	static final String ROLES_SETTING = "vestline.roles";

	static final String IMPERSONATION_SETTING = "vestline.impersonation";

	private final IdentityProperties properties;

	private final SigningKeys keys;

	AccessTokenClaims(IdentityProperties properties, SigningKeys keys) {
		this.properties = properties;
		this.keys = keys;
	}

	@Override
	public void customize(JwtEncodingContext context) {
		String algorithm = this.properties.signingAlgorithm();
		context.getJwsHeader()
			.algorithm(SignatureAlgorithm.from(algorithm))
			.keyId(this.keys.current(algorithm).getKeyID());
		JwtClaimsSet.Builder claims = context.getClaims();
		if (OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue())) {
			// the console shows a person only the areas their roles give: it reads them
			// from the ID token, as Keycloak and Entra ID can put them there too
			List<String> roles = roles(context);
			claims.claims((all) -> put(all, this.properties.rolesClaim(), roles));
			return;
		}
		if (!OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
			return;
		}
		claims.audience(List.of(this.properties.audience()));
		List<String> roles = roles(context);
		if (context.getAuthorizationGrant() instanceof OAuth2ClientCredentialsAuthenticationToken grant
				&& impersonates(context.getRegisteredClient())) {
			Map<String, Object> request = grant.getAdditionalParameters();
			if (request.get("subject") instanceof String subject && !subject.isBlank()) {
				claims.subject(subject);
			}
			if (request.get("roles") instanceof String named) {
				roles = Arrays.stream(named.split("[,\\s]+")).filter((role) -> !role.isBlank()).toList();
			}
		}
		List<String> granted = roles;
		claims.claims((all) -> put(all, this.properties.rolesClaim(), granted));
	}

	private static List<String> roles(JwtEncodingContext context) {
		Authentication principal = context.getPrincipal();
		if (context.getAuthorizationGrant() instanceof OAuth2ClientCredentialsAuthenticationToken) {
			Object configured = context.getRegisteredClient().getClientSettings().getSetting(ROLES_SETTING);
			return (configured instanceof Collection<?> values) ? values.stream().map(String::valueOf).toList()
					: List.of();
		}
		return principal.getAuthorities()
			.stream()
			.map(GrantedAuthority::getAuthority)
			.filter((authority) -> authority != null && authority.startsWith("ROLE_"))
			.map((authority) -> authority.substring("ROLE_".length()))
			.toList();
	}

	private static boolean impersonates(RegisteredClient client) {
		return Boolean.TRUE.equals(client.getClientSettings().getSetting(IMPERSONATION_SETTING));
	}

	/** {@code realm_access.roles} becomes {@code {"realm_access": {"roles": [...]}}}. */
	@SuppressWarnings("unchecked")
	private static void put(Map<String, Object> claims, String path, List<String> roles) {
		String[] names = path.split("\\.");
		Map<String, Object> parent = claims;
		for (int i = 0; i < names.length - 1; i++) {
			Object child = parent.get(names[i]);
			Map<String, Object> nested = (child instanceof Map<?, ?> map)
					? new LinkedHashMap<>((Map<String, Object>) map) : new LinkedHashMap<>();
			parent.put(names[i], nested);
			parent = nested;
		}
		parent.put(names[names.length - 1], roles);
	}

}
