package dev.vestline.console.signin;

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

	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
			+ "img-src 'self'; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; "
			+ "form-action 'self'; frame-ancestors 'none'";

	@Bean
	SecurityFilterChain pages(HttpSecurity http, ClientRegistrationRepository registrations,
			ConsoleProperties properties) throws Exception {
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
			.headers((headers) -> headers.contentSecurityPolicy((csp) -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
				.frameOptions((frames) -> frames.deny())
				.referrerPolicy((referrer) -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)))
			.build();
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
