package dev.vestline.support.web;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * The 401 and 403 of every service, as problems like every other error: 401
 * {@code unauthenticated} (no token, or one that does not verify) with
 * {@code WWW-Authenticate: Bearer}, 403 {@code forbidden} (the caller's roles do not
 * allow the request). A service's security rules start from {@link #statelessApi}.
 */
public class ProblemSecurityHandlers implements AuthenticationEntryPoint, AccessDeniedHandler {

	/**
	 * What anyone may read on every service: problem pages, API docs, probes, metrics.
	 */
	static final String[] PUBLIC = { "/problems/**", "/error", "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html",
			"/actuator/health/**", "/actuator/info", "/actuator/prometheus" };

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException ex)
			throws IOException {
		// RFC 6750: a token that was sent and refused is named as such; a request without
		// one gets the bare challenge
		response.setHeader(HttpHeaders.WWW_AUTHENTICATE,
				(ex instanceof OAuth2AuthenticationException)
						? "Bearer error=\"invalid_token\", error_description=\"The access token is invalid or expired\""
						: "Bearer");
		Problems.write(response, Problems.of(HttpStatus.UNAUTHORIZED, "unauthenticated", "Authentication required",
				"Send a valid bearer token in the Authorization header"), request.getRequestURI());
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException ex)
			throws IOException {
		Problems.write(response,
				Problems.of(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", "Your roles do not allow this request"),
				request.getRequestURI());
	}

	/**
	 * The part of every service's security that is the same: no sessions and no CSRF
	 * (bearer tokens only, no cookies), JWT bearer tokens, 401 and 403 as problems, and
	 * {@link #PUBLIC} open. The service adds its own rules and {@code anyRequest()}.
	 * @param http the service's security builder
	 * @return the same builder
	 * @throws Exception when Spring Security refuses the configuration
	 */
	public HttpSecurity statelessApi(HttpSecurity http) throws Exception {
		return http.csrf((csrf) -> csrf.disable())
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.oauth2ResourceServer((oauth) -> oauth.jwt(Customizer.withDefaults())
				.authenticationEntryPoint(this)
				.accessDeniedHandler(this))
			.exceptionHandling((exceptions) -> exceptions.authenticationEntryPoint(this).accessDeniedHandler(this))
			.authorizeHttpRequests((requests) -> requests.requestMatchers(PUBLIC).permitAll());
	}

}
