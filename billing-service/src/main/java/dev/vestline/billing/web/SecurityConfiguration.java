package dev.vestline.billing.web;

import dev.vestline.support.web.ProblemSecurityHandlers;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Who may call what: the {@code billing} role runs billing, an {@code investor} reads
 * their own statement, the payment provider authenticates its webhook with an HMAC
 * signature (checked by the webhook itself); what the kit serves is public.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	@Bean
	SecurityFilterChain apiSecurity(HttpSecurity http, ProblemSecurityHandlers problems) throws Exception {
		return problems.statelessApi(http)
			.authorizeHttpRequests((requests) -> requests.requestMatchers(HttpMethod.POST, "/api/v1/payments/webhook")
				.permitAll()
				.requestMatchers("/api/v1/dead-letters/**", "/api/v1/mails/**", "/api/v1/operations/**")
				.hasRole("operations")
				.requestMatchers(HttpMethod.GET, "/api/v1/investors/*/statement")
				.hasAnyRole("billing", "investor")
				.requestMatchers("/api/v1/**")
				.hasRole("billing")
				.anyRequest()
				.denyAll())
			.build();
	}

}
