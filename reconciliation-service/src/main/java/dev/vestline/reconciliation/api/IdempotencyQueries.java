package dev.vestline.reconciliation.api;

import java.time.Instant;
import java.sql.Timestamp;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The SQL of {@link IdempotencyKeys}.
 */
final class IdempotencyQueries {

	private IdempotencyQueries() {
	}

	/** Inserts the key; false when it exists (after waiting for its transaction). */
	static boolean claim(JdbcClient jdbc, String caller, String operation, String key, byte[] hash, Instant now) {
		return jdbc.sql("""
				INSERT INTO idempotency_key
				       (caller, operation, idempotency_key, request_sha256, response_status, response_body, created_at)
				VALUES (?, ?, ?, ?, 0, '', ?)
				ON CONFLICT DO NOTHING
				""").params(caller, operation, key, hash, Timestamp.from(now)).update() == 1;
	}

	static void complete(JdbcClient jdbc, String caller, String operation, String key, int status, String body,
			@Nullable String location, @Nullable String etag) {
		jdbc.sql("""
				UPDATE idempotency_key
				   SET response_status = ?, response_body = ?, location = ?, etag = ?
				 WHERE caller = ? AND operation = ? AND idempotency_key = ?
				""").params(status, body, location, etag, caller, operation, key).update();
	}

	static Stored find(JdbcClient jdbc, String caller, String operation, String key) {
		return jdbc.sql("""
				SELECT request_sha256, response_status, response_body, location, etag
				  FROM idempotency_key
				 WHERE caller = ? AND operation = ? AND idempotency_key = ?
				""")
			.params(caller, operation, key)
			.query((rs, row) -> new Stored(rs.getBytes(1), rs.getInt(2), rs.getString(3), rs.getString(4),
					rs.getString(5)))
			.single();
	}

	record Stored(byte[] requestSha256, int status, String body, @Nullable String location, @Nullable String etag) {

	}

}
