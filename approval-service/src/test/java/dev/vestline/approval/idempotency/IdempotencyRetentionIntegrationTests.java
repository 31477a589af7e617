package dev.vestline.approval.idempotency;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import dev.vestline.approval.support.ApprovalIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

@ApprovalIntegrationTest
class IdempotencyRetentionIntegrationTests {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	IdempotencyRetention retention;

	@Test
	void forgetsKeysOlderThanTheRetentionOnly() {
		insert("old-key", Instant.now().minus(8, ChronoUnit.DAYS));
		insert("fresh-key", Instant.now().minus(1, ChronoUnit.DAYS));

		this.retention.forgetExpiredKeys();

		assertThat(this.jdbc.sql("SELECT idempotency_key FROM idempotent_request WHERE caller = 'retention-test'")
			.query(String.class)
			.list()).containsExactly("fresh-key");
	}

	private void insert(String key, Instant createdAt) {
		this.jdbc.sql("""
				INSERT INTO idempotent_request (caller, operation, idempotency_key, request_sha256, created_at)
				VALUES ('retention-test', 'request-approval', :key, sha256('x'::bytea), :at)
				""").param("key", key).param("at", Timestamp.from(createdAt)).update();
	}

}
