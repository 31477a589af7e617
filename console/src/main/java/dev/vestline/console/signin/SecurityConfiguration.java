package dev.vestline.console.signin;

import java.net.URI;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.HttpSessionOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

import dev.vestline.console.ConsoleProperties;

/**
 * Every page needs a signed-in person; only the static files, the signed-out page and
 * health are open. Sign-in is OpenID Connect with the one registration
 * {@value #REGISTRATION}; sign-out ends the console's session and the provider's
 * (RP-initiated logout). CSRF is Spring Security's, on every form; the
 * Content-Security-Policy allows the console's own scripts and styles only, nothing
 * inline.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	/**
	 * The client registration:
	 * {@code spring.security.oauth2.client.registration.vestline}.
	 */
	static final String REGISTRATION = "vestline";

	/**
	 * What a page may load and do: its own origin only, nothing inline. A form may also
	 * lead to the provider: browsers apply {@code form-action} to the redirects after a
	 * form, and signing out (or in again when a token expired) redirects there.
	 */
	static String contentSecurityPolicy(String provider) {
		return "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; font-src 'self'; "
				+ "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self' " + provider
				+ "; frame-ancestors 'none'";
	}

	@Bean
	SecurityFilterChain pages(HttpSecurity http, ClientRegistrationRepository registrations,
			ConsoleProperties properties) throws Exception {
		String provider = origin(
				registrations.findByRegistrationId(REGISTRATION).getProviderDetails().getAuthorizationUri());
		OidcClientInitiatedLogoutSuccessHandler signedOut = new OidcClientInitiatedLogoutSuccessHandler(registrations);
		signedOut.setPostLogoutRedirectUri("{baseUrl}/signed-out");
		return http
			.authorizeHttpRequests((requests) -> requests
				.requestMatchers("/webjars/**", "/console/**", "/signed-out", "/actuator/health/**", "/error")
				.permitAll()
				.anyRequest()
				.authenticated())
			.oauth2Login((login) -> login.loginPage("/oauth2/authorization/" + REGISTRATION)
				.userInfoEndpoint(
						(userInfo) -> userInfo.userAuthoritiesMapper(new RolesFromIdToken(properties.rolesClaim()))))
			.logout((logout) -> logout.logoutSuccessHandler(signedOut))
			.headers((headers) -> headers
				.contentSecurityPolicy((csp) -> csp.policyDirectives(contentSecurityPolicy(provider)))
				.frameOptions((frames) -> frames.deny())
				.referrerPolicy((referrer) -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)))
			.build();
	}

	private static String origin(String uri) {
		URI parsed = URI.create(uri);
		return parsed.getScheme() + "://" + parsed.getRawAuthority();
	}

	/**
	 * A person's tokens live in their session (in memory in this slice), not in a map
	 * keyed by user name: signing out forgets them.
	 */
	@Bean
	OAuth2AuthorizedClientRepository authorizedClients() {
		return new HttpSessionOAuth2AuthorizedClientRepository();
	}

}
