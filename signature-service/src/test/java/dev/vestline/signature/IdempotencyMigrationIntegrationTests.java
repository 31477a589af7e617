package dev.vestline.signature;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.HexFormat;

import dev.vestline.messaging.autoconfigure.MessagingAutoConfiguration;
import dev.vestline.support.idempotency.IdempotencyAutoConfiguration;
import dev.vestline.support.idempotency.IdempotencyKey;
import dev.vestline.support.idempotency.IdempotentRequests;
import dev.vestline.testharness.SchemaUnderTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A database deployed before the Idempotency-Key store was shared: the shared migration
 * runs out of order before V4, which moves the old keys (hex fingerprints decoded), and
 * they replay as before.
 */
class IdempotencyMigrationIntegrationTests {

	static final String SERVICE = "classpath:db/migration";

	@Test
	void replaysAKeyStoredBeforeTheStoreWasShared() throws Exception {
		byte[] request = "Ivy Investor\u0000consent".getBytes(StandardCharsets.UTF_8);
		String link = "ab".repeat(32);
		try (SchemaUnderTest schema = SchemaUnderTest.provision("signature")) {
			schema.migrate("3", SERVICE, MessagingAutoConfiguration.MIGRATIONS);
			JdbcClient jdbc = JdbcClient.create(schema.dataSource());
			jdbc.sql("""
					INSERT INTO idempotent_request (scope, idempotency_key, request_sha256, response_status,
					                                response_body, created_at)
					VALUES (?, 'k-1', ?, 200, '{"documentVersion":2}', now())
					""")
				.params("signature:" + link,
						HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(request)))
				.update();

			schema.migrate(null, SERVICE, MessagingAutoConfiguration.MIGRATIONS,
					IdempotencyAutoConfiguration.MIGRATIONS);

			IdempotentRequests requests = new IdempotentRequests(schema.dataSource(),
					new TransactionTemplate(new JdbcTransactionManager(schema.dataSource())),
					JsonMapper.builder().build(), Clock.systemUTC());
			IdempotencyKey key = requests.key("link:" + link, "sign", "k-1", request);
			assertThat(requests.replayed(key).orElseThrow().getBody()).isEqualTo("{\"documentVersion\":2}");
			assertThat(jdbc.sql("SELECT to_regclass('idempotent_request') IS NULL").query(Boolean.class).single())
				.as("the old table is gone")
				.isTrue();
		}
	}

}
