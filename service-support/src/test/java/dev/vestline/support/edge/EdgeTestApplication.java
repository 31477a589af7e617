package dev.vestline.support.edge;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import dev.vestline.support.web.ProblemSecurityHandlers;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * A small service on the shared web kit, as the four services use it: public and
 * authenticated endpoints, a body-reading one, and one that queries the database.
 */
@SpringBootApplication
public class EdgeTestApplication {

	/** How often a controller received a body: never, for a refused one. */
	static final AtomicInteger bodiesReceived = new AtomicInteger();

	@Bean
	SecurityFilterChain edgeSecurity(HttpSecurity http, ProblemSecurityHandlers problems) throws Exception {
		return problems.statelessApi(http)
			.authorizeHttpRequests((requests) -> requests.requestMatchers("/api/operations/**")
				.hasRole("operations")
				.requestMatchers("/api/**")
				.authenticated()
				.anyRequest()
				.permitAll())
			.build();
	}

	@RestController
	static class EdgeController {

		private final ObjectProvider<JdbcClient> jdbc;

		EdgeController(ObjectProvider<JdbcClient> jdbc) {
			this.jdbc = jdbc;
		}

		@PostMapping({ "/public/uploads", "/public/webhook" })
		Map<String, Object> upload(@RequestBody byte[] body) {
			bodiesReceived.incrementAndGet();
			return Map.of("bytes", body.length);
		}

		@GetMapping("/public/things/{id}")
		Map<String, Object> thing(@PathVariable String id) {
			@Nullable JdbcClient client = this.jdbc.getIfAvailable();
			long tables = (client != null) ? client.sql("SELECT count(*) FROM pg_class").query(Long.class).single() : 0;
			return Map.of("id", id, "tables", tables);
		}

		@GetMapping({ "/api/me", "/api/operations/me" })
		Map<String, Object> me(Authentication caller) {
			return Map.of("name", caller.getName());
		}

	}

}
