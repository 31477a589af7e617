package dev.vestline.support.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.io.Resource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The part of every server-rendered page's security that is the same, beside
 * {@link ProblemSecurityHandlers#statelessApi} for APIs: still no server session (the
 * CSRF token is a double-submit cookie, {@code SameSite=Strict} and {@code HttpOnly}, so
 * any replica checks it), CSRF checked on every unsafe request, a strict
 * Content-Security-Policy (nothing but the service's own scripts, styles and images, no
 * inline code, no framing, forms only to itself), no referrer (a page URL may carry a
 * secret), and a refused request (a missing or wrong CSRF token) answered with a page a
 * person reads, not a problem.
 */
public class BrowserPages {

	/** What a page may load and do: its own origin only, nothing inline. */
	public static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
			+ "img-src 'self'; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; "
			+ "form-action 'self'; frame-ancestors 'none'";

	private static final String PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=()";

	/**
	 * @param http the pages' own security builder (with its {@code securityMatcher})
	 * @param cookiePath the path the CSRF cookie is sent to: the pages' common prefix
	 * @param refused the page (UTF-8 HTML) a refused request gets, with status 403
	 * @return the same builder, for the service's own authorization rules
	 * @throws Exception when Spring Security refuses the configuration
	 */
	public HttpSecurity pages(HttpSecurity http, String cookiePath, Resource refused) throws Exception {
		CookieCsrfTokenRepository tokens = new CookieCsrfTokenRepository();
		tokens.setCookieName("vestline-csrf");
		tokens.setCookiePath(cookiePath);
		tokens.setCookieCustomizer((cookie) -> cookie.sameSite("Strict").httpOnly(true));
		return http.csrf((csrf) -> csrf.csrfTokenRepository(tokens))
			.addFilterAfter(new CsrfCookieWriter(cookiePath), CsrfFilter.class)
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache((cache) -> cache.disable())
			.headers((headers) -> headers.contentSecurityPolicy((csp) -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
				.frameOptions((frames) -> frames.deny())
				.referrerPolicy((referrer) -> referrer.policy(ReferrerPolicy.NO_REFERRER))
				.permissionsPolicyHeader((permissions) -> permissions.policy(PERMISSIONS_POLICY)))
			.exceptionHandling((exceptions) -> exceptions.accessDeniedHandler(refusedWith(refused)));
	}

	private static AccessDeniedHandler refusedWith(Resource page) {
		return (request, response, denied) -> {
			response.setStatus(HttpStatus.FORBIDDEN.value());
			response.setContentType(MediaType.TEXT_HTML_VALUE);
			response.setCharacterEncoding(StandardCharsets.UTF_8.name());
			try (InputStream html = page.getInputStream()) {
				html.transferTo(response.getOutputStream());
			}
		};
	}

	/**
	 * Reads the request's CSRF token before a page is written, so that a new token's
	 * cookie goes out with the headers instead of after them (a long page commits the
	 * response before its form asks for the token). Only under the cookie's path: a
	 * request elsewhere (a script, a style sheet) does not send the cookie, and would
	 * replace it with a token the page's forms do not carry.
	 */
	private static final class CsrfCookieWriter extends OncePerRequestFilter {

		private final String cookiePath;

		CsrfCookieWriter(String cookiePath) {
			this.cookiePath = cookiePath.endsWith("/") ? cookiePath : cookiePath + "/";
		}

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			if (request.getRequestURI().startsWith(this.cookiePath)
					&& request.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken token) {
				token.getToken();
			}
			chain.doFilter(request, response);
		}

	}

}
