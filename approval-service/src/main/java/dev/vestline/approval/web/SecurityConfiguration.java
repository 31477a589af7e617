package dev.vestline.approval.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Every API call carries a JWT bearer token; health, metrics and the OpenAPI document are
 * open. Role rules per endpoint; finer rules (the role of the current step, four eyes, an
 * investor's own approvals) live with the capability that knows them.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	@Bean
	SecurityFilterChain apiSecurity(HttpSecurity http, ProblemSecurityResponses problems) throws Exception {
		return http.csrf((csrf) -> csrf.disable())
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.authorizeHttpRequests((requests) -> requests
				.requestMatchers("/actuator/health/**", "/actuator/prometheus", "/actuator/info", "/v3/api-docs/**",
						"/swagger-ui/**", "/swagger-ui.html", "/error")
				.permitAll()
				.requestMatchers("/api/v1/dead-letters/**", "/api/v1/consistency-checks")
				.hasRole("operations")
				.requestMatchers(HttpMethod.POST, "/api/v1/deals")
				.hasRole("operations")
				.requestMatchers(HttpMethod.PATCH, "/api/v1/deals/*")
				.hasRole("operations")
				.requestMatchers("/api/v1/deals/**")
				.hasAnyRole("approver", "compliance", "operations")
				.requestMatchers(HttpMethod.POST, "/api/v1/approvals/*/decisions")
				.hasAnyRole("approver", "compliance", "operations")
				.requestMatchers("/api/v1/**")
				.hasAnyRole("approver", "compliance", "operations", "investor")
				.anyRequest()
				.denyAll())
			.oauth2ResourceServer((oauth) -> oauth.jwt(Customizer.withDefaults())
				.authenticationEntryPoint(problems)
				.accessDeniedHandler(problems))
			.exceptionHandling(
					(exceptions) -> exceptions.authenticationEntryPoint(problems).accessDeniedHandler(problems))
			.build();
	}

	@Bean
	ProblemSecurityResponses problemSecurityResponses() {
		return new ProblemSecurityResponses();
	}

}
