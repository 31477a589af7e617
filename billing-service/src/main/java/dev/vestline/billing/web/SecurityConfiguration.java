package dev.vestline.billing.web;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Who may call what: the {@code billing} role runs billing, an {@code investor} reads
 * their own statement, the payment provider authenticates its webhook with an HMAC
 * signature (checked by the webhook itself), and docs and probes are public.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	@Bean
	SecurityFilterChain apiSecurity(HttpSecurity http, JsonMapper json) throws Exception {
		return http.csrf((csrf) -> csrf.disable())
			.sessionManagement((s) -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.authorizeHttpRequests((requests) -> requests
				.requestMatchers("/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html", "/actuator/health/**",
						"/actuator/info", "/actuator/prometheus", "/error")
				.permitAll()
				.requestMatchers(HttpMethod.POST, "/api/v1/payments/webhook")
				.permitAll()
				.requestMatchers("/api/v1/dead-letters/**", "/api/v1/mails/**")
				.hasRole("operations")
				.requestMatchers(HttpMethod.GET, "/api/v1/investors/*/statement")
				.hasAnyRole("billing", "investor")
				.requestMatchers("/api/v1/**")
				.hasRole("billing")
				.anyRequest()
				.denyAll())
			.oauth2ResourceServer((o) -> o.jwt(Customizer.withDefaults())
				.authenticationEntryPoint((request, response, ex) -> write(json, request, response,
						HttpStatus.UNAUTHORIZED, "A valid bearer token is required"))
				.accessDeniedHandler((request, response, ex) -> write(json, request, response, HttpStatus.FORBIDDEN,
						"Your roles do not allow this")))
			.exceptionHandling((e) -> e
				.authenticationEntryPoint((request, response, ex) -> write(json, request, response,
						HttpStatus.UNAUTHORIZED, "A valid bearer token is required"))
				.accessDeniedHandler((request, response, ex) -> write(json, request, response, HttpStatus.FORBIDDEN,
						"Your roles do not allow this")))
			.build();
	}

	private static void write(JsonMapper json, HttpServletRequest request, HttpServletResponse response,
			HttpStatus status, String detail) throws IOException {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setInstance(java.net.URI.create(request.getRequestURI()));
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		if (status == HttpStatus.UNAUTHORIZED) {
			response.setHeader("WWW-Authenticate", "Bearer");
		}
		json.writeValue(response.getOutputStream(), problem);
	}

}
