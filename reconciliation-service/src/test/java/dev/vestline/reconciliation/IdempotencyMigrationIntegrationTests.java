package dev.vestline.reconciliation;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;

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
 * runs out of order before V8, which moves the old keys, and they replay as before.
 */
class IdempotencyMigrationIntegrationTests {

	static final String SERVICE = "classpath:db/migration";

	@Test
	void replaysAKeyStoredBeforeTheStoreWasShared() throws Exception {
		byte[] statement = "CSV\nbooking date,amount\n".getBytes(StandardCharsets.UTF_8);
		try (SchemaUnderTest schema = SchemaUnderTest.provision("reconciliation")) {
			schema.migrate("7", SERVICE, MessagingAutoConfiguration.MIGRATIONS);
			JdbcClient jdbc = JdbcClient.create(schema.dataSource());
			jdbc.sql("""
					INSERT INTO idempotency_key (caller, operation, idempotency_key, request_sha256, response_status,
					                             response_body, created_at)
					VALUES ('ops-1', 'import-statement', 'k-1', ?, 200, '{"newLines":2}', now())
					""").param(MessageDigest.getInstance("SHA-256").digest(statement)).update();

			schema.migrate(null, SERVICE, MessagingAutoConfiguration.MIGRATIONS,
					IdempotencyAutoConfiguration.MIGRATIONS);

			IdempotentRequests requests = new IdempotentRequests(schema.dataSource(),
					new TransactionTemplate(new JdbcTransactionManager(schema.dataSource())),
					JsonMapper.builder().build(), Clock.systemUTC());
			ResponseEntity<?> replay = requests.run("ops-1", "import-statement", "k-1", statement, () -> {
				throw new AssertionError("a key used before the migration must not run again");
			});
			assertThat(replay.getStatusCode().value()).isEqualTo(200);
			assertThat(replay.getBody()).isEqualTo("{\"newLines\":2}");
			assertThat(replay.getHeaders().getFirst("Idempotent-Replayed")).isEqualTo("true");
			assertThat(jdbc.sql("SELECT to_regclass('idempotency_key') IS NULL").query(Boolean.class).single())
				.as("the old table is gone")
				.isTrue();
		}
	}

}
