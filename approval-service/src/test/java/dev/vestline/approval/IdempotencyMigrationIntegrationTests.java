package dev.vestline.approval;

import java.security.MessageDigest;
import java.time.Clock;
import java.util.Map;

import dev.vestline.messaging.autoconfigure.MessagingAutoConfiguration;
import dev.vestline.support.idempotency.IdempotencyAutoConfiguration;
import dev.vestline.support.idempotency.IdempotentRequests;
import dev.vestline.testharness.SchemaUnderTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A database deployed before the Idempotency-Key store was shared: the shared migration
 * runs out of order before V4, which moves the old keys, and they replay as before.
 */
class IdempotencyMigrationIntegrationTests {

	static final String SERVICE = "classpath:db/migration";

	final JsonMapper json = JsonMapper.builder().build();

	@Test
	void replaysAKeyStoredBeforeTheStoreWasShared() throws Exception {
		try (SchemaUnderTest schema = SchemaUnderTest.provision("approval")) {
			schema.migrate("3", SERVICE, MessagingAutoConfiguration.MIGRATIONS);
			Map<String, Object> request = Map.of("name", "Fund I", "capacity", "1000.00");
			JdbcClient jdbc = JdbcClient.create(schema.dataSource());
			jdbc.sql("""
					INSERT INTO idempotent_request (caller, operation, idempotency_key, request_sha256, response_status,
					                                response_body, location, etag, created_at)
					VALUES ('ops-1', 'create-deal', 'k-1', ?, 201, '{"id":"d-1"}', '/api/v1/deals/d-1', '"0"', now())
					""")
				.param(MessageDigest.getInstance("SHA-256").digest(this.json.writeValueAsBytes(request)))
				.update();

			schema.migrate(null, SERVICE, MessagingAutoConfiguration.MIGRATIONS,
					IdempotencyAutoConfiguration.MIGRATIONS);

			IdempotentRequests requests = new IdempotentRequests(schema.dataSource(),
					new TransactionTemplate(new JdbcTransactionManager(schema.dataSource())), this.json,
					Clock.systemUTC());
			ResponseEntity<?> replay = requests.run("ops-1", "create-deal", "k-1", request, () -> {
				throw new AssertionError("a key used before the migration must not run again");
			});
			assertThat(replay.getStatusCode().value()).isEqualTo(201);
			assertThat(replay.getBody()).isEqualTo("{\"id\":\"d-1\"}");
			assertThat(replay.getHeaders().getFirst("Location")).isEqualTo("/api/v1/deals/d-1");
			assertThat(replay.getHeaders().getETag()).isEqualTo("\"0\"");
			assertThat(replay.getHeaders().getFirst("Idempotent-Replayed")).isEqualTo("true");
			assertThat(jdbc.sql("SELECT to_regclass('idempotent_request') IS NULL").query(Boolean.class).single())
				.as("the old table is gone")
				.isTrue();
		}
	}

}
