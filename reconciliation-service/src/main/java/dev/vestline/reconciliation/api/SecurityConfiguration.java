package dev.vestline.reconciliation.api;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Who may call what: operations staff run reconciliation; investors may read positions
 * (their own: the controller checks); docs, health and metrics are open.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	@Bean
	SecurityFilterChain api(HttpSecurity http) throws Exception {
		ProblemSecurityResponses problems = new ProblemSecurityResponses();
		http.csrf((csrf) -> csrf.disable())
			.sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.authorizeHttpRequests((requests) -> requests
				.requestMatchers("/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html", "/actuator/health/**",
						"/actuator/info", "/actuator/prometheus", "/error")
				.permitAll()
				.requestMatchers("/api/v1/dead-letters/**")
				.hasRole("operations")
				.requestMatchers(HttpMethod.GET, "/api/v1/positions", "/api/v1/positions/**")
				.hasAnyRole("operations", "investor")
				.requestMatchers("/api/v1/**")
				.hasRole("operations")
				.anyRequest()
				.denyAll())
			.oauth2ResourceServer((resourceServer) -> resourceServer.jwt(Customizer.withDefaults())
				.authenticationEntryPoint(problems)
				.accessDeniedHandler(problems))
			.exceptionHandling(
					(exceptions) -> exceptions.authenticationEntryPoint(problems).accessDeniedHandler(problems));
		return http.build();
	}

}
