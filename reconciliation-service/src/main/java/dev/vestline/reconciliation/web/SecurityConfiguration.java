package dev.vestline.reconciliation.web;

import dev.vestline.support.web.ProblemSecurityHandlers;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Who may call what: operations staff run reconciliation; investors may read positions
 * (their own: the controller checks); what the kit serves is public.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	@Bean
	SecurityFilterChain api(HttpSecurity http, ProblemSecurityHandlers problems) throws Exception {
		return problems.statelessApi(http)
			.authorizeHttpRequests(
					(requests) -> requests.requestMatchers("/api/v1/dead-letters/**", "/api/v1/operations/**")
						.hasRole("operations")
						.requestMatchers(HttpMethod.GET, "/api/v1/positions", "/api/v1/positions/**")
						.hasAnyRole("operations", "investor")
						.requestMatchers("/api/v1/**")
						.hasRole("operations")
						.anyRequest()
						.denyAll())
			.build();
	}

}
