package dev.vestline.signature.web;

import dev.vestline.support.web.ProblemSecurityHandlers;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Who may call what: signers are authenticated by their signing link's token alone, staff
 * by JWT bearer tokens with a role; what the kit serves is public.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	private static final String[] STAFF = { "approver", "compliance", "operations" };

	private static final String[] DECIDERS = { "compliance", "operations" };

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http, ProblemSecurityHandlers problems) throws Exception {
		return problems.statelessApi(http)
			.authorizeHttpRequests((requests) -> requests.requestMatchers("/api/v1/signing/**")
				.permitAll()
				.requestMatchers("/api/v1/dead-letters/**", "/api/v1/mails/**", "/api/v1/operations/**")
				.hasRole("operations")
				.requestMatchers(HttpMethod.PUT, "/api/v1/workflows/*/signers/*/contact")
				.hasAnyRole(DECIDERS)
				.requestMatchers(HttpMethod.GET, "/api/v1/workflows/**", "/api/v1/vehicles/**")
				.hasAnyRole(STAFF)
				.requestMatchers(HttpMethod.POST, "/api/v1/workflows/*/cancel", "/api/v1/workflows/*/reissue",
						"/api/v1/workflows/*/signers/*/link")
				.hasAnyRole(DECIDERS)
				.requestMatchers(HttpMethod.PUT, "/api/v1/vehicles/*/parties/*")
				.hasRole("operations")
				.anyRequest()
				.denyAll())
			.build();
	}

}
