package dev.vestline.approval.web;

import dev.vestline.support.web.ProblemSecurityHandlers;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Every API call carries a JWT bearer token; what the kit serves (problem pages, health,
 * metrics, the OpenAPI document) is open. Role rules per endpoint; finer rules (the role
 * of the current step, four eyes, an investor's own approvals) live with the capability
 * that knows them.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	@Bean
	SecurityFilterChain apiSecurity(HttpSecurity http, ProblemSecurityHandlers problems) throws Exception {
		return problems.statelessApi(http)
			.authorizeHttpRequests((requests) -> requests
				.requestMatchers("/api/v1/dead-letters/**", "/api/v1/consistency-checks", "/api/v1/operations/**")
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
			.build();
	}

}
