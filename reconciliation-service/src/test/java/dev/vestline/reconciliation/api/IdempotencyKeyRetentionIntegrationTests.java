package dev.vestline.reconciliation.api;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;

import dev.vestline.reconciliation.ServiceIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

class IdempotencyKeyRetentionIntegrationTests extends ServiceIntegrationTest {

	@Autowired
	IdempotencyKeyRetention retention;

	private void key(String key, Instant createdAt) {
		this.jdbc.sql("""
				INSERT INTO idempotency_key (caller, operation, idempotency_key, request_sha256, response_status,
				                             response_body, created_at)
				VALUES ('retention-test', 'create-match', ?, ?, 201, '{}', ?)
				""").params(key, new byte[32], Timestamp.from(createdAt)).update();
	}

	@Test
	void forgetsKeysOlderThanTheRetentionOnly() {
		key("old", Instant.now().minus(Duration.ofDays(8)));
		key("recent", Instant.now().minus(Duration.ofDays(1)));

		this.retention.forgetOldKeys();

		assertThat(this.jdbc.sql("SELECT idempotency_key FROM idempotency_key WHERE caller = 'retention-test'")
			.query(String.class)
			.list()).containsExactly("recent");
	}

}
