package dev.vestline.support.edge;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.time.Duration;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A service whose database freezes (every PostgreSQL process stopped with SIGSTOP, as a
 * hung host would be) keeps answering: requests get a 503 problem with
 * {@code Retry-After} instead of hanging for the length of the freeze, readiness answers
 * DOWN, and once the database thaws everything answers as before. The bounds here are
 * generous on purpose (a busy machine); what is proved is that answers come while the
 * database is still frozen.
 */
@SpringBootTest(classes = EdgeTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "vestline.schema=edge", "spring.flyway.enabled=false",
				"vestline.security.jwt.dev-shared-secret=example-dev-only-secret-change-me-0123456789",
				"spring.autoconfigure.exclude=dev.vestline.messaging.autoconfigure.MessagingAutoConfiguration,"
						+ "dev.vestline.support.idempotency.IdempotencyAutoConfiguration,"
						+ "dev.vestline.support.deadletters.DeadLetterAutoConfiguration" })
class FrozenDatabaseIntegrationTests {

	/** Far less than the freeze would last, far more than the service's own bounds. */
	private static final Duration ANSWER_WITHIN = Duration.ofSeconds(45);

	private static final FreezablePostgres postgres = FreezablePostgres.start();

	private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", postgres::jdbcUrl);
		registry.add("spring.datasource.username", () -> "postgres");
		registry.add("spring.datasource.password", () -> "postgres");
	}

	@AfterAll
	static void stop() throws Exception {
		postgres.close();
	}

	@Test
	void boundsEveryWaitForTheDatabase(@Autowired DataSource dataSource) throws Exception {
		HikariDataSource pool = (HikariDataSource) dataSource;
		assertThat(pool.getConnectionTimeout()).isEqualTo(5_000);
		assertThat(pool.getValidationTimeout()).isEqualTo(1_000);
		try (Connection connection = pool.getConnection()) {
			// pgjdbc's socketTimeout, read back from the socket
			assertThat(connection.getNetworkTimeout()).isEqualTo(30_000);
		}
	}

	@Test
	void answers503WithRetryAfterAndReadinessDownWhileFrozenAndRecoversWhenThawed() throws Exception {
		assertThat(get("/public/things/1").statusCode()).isEqualTo(200);
		assertThat(get("/actuator/health/readiness").statusCode()).isEqualTo(200);

		postgres.freeze();
		try {
			HttpResponse<String> request = get("/public/things/2");
			assertThat(request.statusCode()).isEqualTo(503);
			assertThat(request.headers().firstValue("Retry-After")).hasValue("5");
			assertThat(request.headers().firstValue("Content-Type")).hasValue("application/problem+json");
			assertThat(request.body()).contains("\"status\":503");

			HttpResponse<String> readiness = get("/actuator/health/readiness");
			assertThat(readiness.statusCode()).isEqualTo(503);
			assertThat(readiness.body()).contains("DOWN");
			assertThat(get("/actuator/health/liveness").statusCode()).isEqualTo(200);
		}
		finally {
			postgres.thaw();
		}

		await("recovery after the thaw").atMost(Duration.ofSeconds(120))
			.pollInterval(Duration.ofMillis(500))
			.until(() -> get("/public/things/3").statusCode() == 200
					&& get("/actuator/health/readiness").statusCode() == 200);
	}

	/** Fails the test (a timeout) if no answer comes while the database is frozen. */
	private HttpResponse<String> get(String path) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.timeout(ANSWER_WITHIN)
			.build(), HttpResponse.BodyHandlers.ofString());
	}

}
