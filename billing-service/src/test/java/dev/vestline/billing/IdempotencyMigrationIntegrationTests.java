package dev.vestline.billing;

import java.security.MessageDigest;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;

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
 * runs out of order before V7, which moves the old keys (their scope split into caller
 * and operation), and they replay as before.
 */
class IdempotencyMigrationIntegrationTests {

	static final String SERVICE = "classpath:db/migration";

	final JsonMapper json = JsonMapper.builder().build();

	@Test
	void replaysKeysStoredBeforeTheStoreWasShared() throws Exception {
		UUID invoice = UUID.randomUUID();
		try (SchemaUnderTest schema = SchemaUnderTest.provision("billing")) {
			schema.migrate("6", SERVICE, MessagingAutoConfiguration.MIGRATIONS);
			JdbcClient jdbc = JdbcClient.create(schema.dataSource());
			Map<String, Object> schedule = Map.of("currency", "EUR");
			insertOld(jdbc, "POST fee-schedules billing user", schedule, "{\"currency\":\"EUR\"}");
			insertOld(jdbc, "POST invoice-runs billing user", Map.of(), "{\"invoicesIssued\":3}");
			insertOld(jdbc, "POST credit-applications " + invoice + " billing user", Map.of(), "{\"paid\":true}");

			schema.migrate(null, SERVICE, MessagingAutoConfiguration.MIGRATIONS,
					IdempotencyAutoConfiguration.MIGRATIONS);

			IdempotentRequests requests = new IdempotentRequests(schema.dataSource(),
					new TransactionTemplate(new JdbcTransactionManager(schema.dataSource())), this.json,
					Clock.systemUTC());
			assertThat(replay(requests, "create-fee-schedule", schedule).getBody()).isEqualTo("{\"currency\":\"EUR\"}");
			assertThat(replay(requests, "start-invoice-run", Map.of()).getBody()).isEqualTo("{\"invoicesIssued\":3}");
			ResponseEntity<?> credit = replay(requests, "apply-credit:" + invoice, Map.of());
			assertThat(credit.getBody()).isEqualTo("{\"paid\":true}");
			assertThat(credit.getHeaders().getFirst("Location")).isEqualTo("/somewhere");
			assertThat(credit.getHeaders().getETag()).isEqualTo("\"0\"");
			assertThat(jdbc.sql("SELECT to_regclass('idempotent_request') IS NULL").query(Boolean.class).single())
				.as("the old table is gone")
				.isTrue();
		}
	}

	private void insertOld(JdbcClient jdbc, String scope, Object request, String body) throws Exception {
		jdbc.sql("""
				INSERT INTO idempotent_request (scope, idempotency_key, request_sha256, response_status, response_body,
				                                response_etag, response_location, created_at)
				VALUES (?, 'k-1', ?, 201, ?, '"0"', '/somewhere', now())
				""")
			.params(scope, MessageDigest.getInstance("SHA-256").digest(this.json.writeValueAsBytes(request)), body)
			.update();
	}

	private static ResponseEntity<?> replay(IdempotentRequests requests, String operation, Object request) {
		ResponseEntity<?> replay = requests.run("billing user", operation, "k-1", request, () -> {
			throw new AssertionError("a key used before the migration must not run again");
		});
		assertThat(replay.getStatusCode().value()).isEqualTo(201);
		assertThat(replay.getHeaders().getFirst("Idempotent-Replayed")).isEqualTo("true");
		return replay;
	}

}
