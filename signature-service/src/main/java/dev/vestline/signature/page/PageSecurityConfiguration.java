package dev.vestline.signature.page;

import dev.vestline.support.web.BrowserPages;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The signing page's own security, before the API's stateless chain: the link's token is
 * the only credential (checked by the pages themselves), every form carries a CSRF token,
 * and every answer the web kit's strict headers.
 */
@Configuration(proxyBeanMethods = false)
class PageSecurityConfiguration {

	static final String[] PATHS = { "/sign/**", "/sign-assets/**", "/webjars/htmx.org/**" };

	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE)
	SecurityFilterChain signingPages(HttpSecurity http, BrowserPages pages) throws Exception {
		return pages
			.pages(http.securityMatcher(PATHS), "/sign", new ClassPathResource("static/sign-assets/refused.html"))
			.authorizeHttpRequests((requests) -> requests.anyRequest().permitAll())
			.build();
	}

}
