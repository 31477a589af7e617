package dev.vestline.identity;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code vestline.identity.*}: who may sign in, which clients may ask for tokens, and
 * what the tokens say. No password or secret has a default: whoever starts the provider
 * (the local platform, a test) chooses them.
 *
 * @param audience the {@code aud} of every access token, the services'
 * {@code spring.security.oauth2.resourceserver.jwt.audiences}
 * @param rolesClaim where the roles go: a claim name, or a dotted path such as
 * {@code realm_access.roles} to shape tokens like Keycloak's
 * @param accessTokenTtl how long an access token is valid
 * @param signingAlgorithm {@code RS256} or {@code ES256}
 * @param people who may sign in with the browser (authorization code with PKCE), by user
 * name
 * @param clients confidential clients for scripts (client credentials), by client id
 * @param consoleRedirectUris where the public browser client (the staff console) may be
 * sent back to
 * @param consolePostLogoutRedirectUris where the console may send a person after signing
 * them out here too (OpenID Connect RP-initiated logout)
 */
@ConfigurationProperties("vestline.identity")
public record IdentityProperties(@DefaultValue("vestline") String audience, @DefaultValue("roles") String rolesClaim,
		@DefaultValue("30m") Duration accessTokenTtl, @DefaultValue("RS256") String signingAlgorithm,
		@DefaultValue Map<String, Person> people, @DefaultValue Map<String, ScriptClient> clients,
		@DefaultValue("http://127.0.0.1:8090/login/oauth2/code/vestline") List<String> consoleRedirectUris,
		@DefaultValue("http://127.0.0.1:8090/signed-out") List<String> consolePostLogoutRedirectUris) {

	/**
	 * Someone who signs in.
	 *
	 * @param password the password
	 * @param roles e.g. {@code compliance}
	 */
	public record Person(String password, @DefaultValue List<String> roles) {

	}

	/**
	 * A script's client.
	 *
	 * @param secret the client secret
	 * @param roles the roles of its tokens
	 * @param impersonation development only: the client may name the token's subject and
	 * roles in the token request ({@code subject}, {@code roles}), so the demo and the
	 * platform's tests act as any person
	 */
	public record ScriptClient(String secret, @DefaultValue List<String> roles,
			@DefaultValue("false") boolean impersonation) {

	}

}
