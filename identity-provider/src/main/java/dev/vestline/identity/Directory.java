package dev.vestline.identity;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

/**
 * The people who sign in and the clients that ask for tokens, from
 * {@link IdentityProperties}: one public browser client ({@code vestline-console},
 * authorization code with PKCE, no secret) and a confidential client per script (client
 * credentials).
 */
@Configuration(proxyBeanMethods = false)
class Directory {

	/** The staff console's client: public, so PKCE stands in for a secret. */
	static final String CONSOLE_CLIENT = "vestline-console";

	/**
	 * BCrypt at its lowest work factor (4): this provider's passwords and secrets are
	 * given to it in plain text in its configuration, so the hash guards nothing a reader
	 * of that configuration does not have, while the default factor (10) cost 73 ms of
	 * CPU for every sign-in and every token request with a secret (a JVM on the JIT's
	 * first tier, as the local platform starts it; 1.3 ms at 4, measured 7 Dec). A
	 * production provider keeps its own. Spring Security and the authorization server
	 * check passwords and secrets with this bean, so they do not "upgrade" the hashes to
	 * the default factor either.
	 */
	private final PasswordEncoder passwords = new DelegatingPasswordEncoder("bcrypt",
			Map.of("bcrypt", new BCryptPasswordEncoder(4)));

	@Bean
	PasswordEncoder passwordEncoder() {
		return this.passwords;
	}

	@Bean
	UserDetailsService people(IdentityProperties properties) {
		List<UserDetails> people = new ArrayList<>();
		properties.people()
			.forEach((name,
					person) -> people.add(User.withUsername(name)
						.password(this.passwords.encode(person.password()))
						.roles(person.roles().toArray(String[]::new))
						.build()));
		return new InMemoryUserDetailsManager(people);
	}

	@Bean
	RegisteredClientRepository clients(IdentityProperties properties) {
		TokenSettings tokens = TokenSettings.builder().accessTokenTimeToLive(properties.accessTokenTtl()).build();
		List<RegisteredClient> clients = new ArrayList<>();
		clients.add(RegisteredClient.withId(UUID.randomUUID().toString())
			.clientId(CONSOLE_CLIENT)
			.clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
			.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
			.redirectUris((uris) -> uris.addAll(properties.consoleRedirectUris()))
			.postLogoutRedirectUris((uris) -> uris.addAll(properties.consolePostLogoutRedirectUris()))
			.scope(OidcScopes.OPENID)
			.scope(OidcScopes.PROFILE)
			.clientSettings(ClientSettings.builder().requireProofKey(true).requireAuthorizationConsent(false).build())
			.tokenSettings(tokens)
			.build());
		properties.clients()
			.forEach((id,
					client) -> clients.add(RegisteredClient.withId(UUID.randomUUID().toString())
						.clientId(id)
						.clientSecret(this.passwords.encode(client.secret()))
						.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
						.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
						.authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
						.clientSettings(ClientSettings.builder()
							.setting(AccessTokenClaims.ROLES_SETTING, List.copyOf(client.roles()))
							.setting(AccessTokenClaims.IMPERSONATION_SETTING, client.impersonation())
							.build())
						.tokenSettings(tokens)
						.build()));
		return new InMemoryRegisteredClientRepository(clients);
	}

}
