package dev.vestline.signature.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Who may call what: signers are authenticated by their signing link's token alone, staff
 * by JWT bearer tokens with a role; probes, metrics and the API docs are open.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	private static final String[] STAFF = { "approver", "compliance", "operations" };

	private static final String[] DECIDERS = { "compliance", "operations" };

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
		ProblemAuthenticationHandlers problems = new ProblemAuthenticationHandlers();
		http.authorizeHttpRequests((requests) -> requests
			.requestMatchers("/api/v1/signing/**", "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html",
					"/actuator/health/**", "/actuator/prometheus", "/error")
			.permitAll()
			.requestMatchers("/api/v1/dead-letters/**", "/api/v1/mails/**")
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
			.csrf((csrf) -> csrf.disable()) // no cookies: bearer tokens and link tokens
											// only
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.exceptionHandling((handling) -> handling.authenticationEntryPoint(problems).accessDeniedHandler(problems))
			.oauth2ResourceServer((oauth) -> oauth.jwt(Customizer.withDefaults())
				.authenticationEntryPoint(problems)
				.accessDeniedHandler(problems));
		return http.build();
	}

}
