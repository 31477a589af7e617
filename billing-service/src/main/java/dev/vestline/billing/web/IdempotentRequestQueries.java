package dev.vestline.billing.web;

import java.time.Instant;
import java.sql.Timestamp;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code idempotent_request} table.
 */
@Repository
class IdempotentRequestQueries {

	private final JdbcClient jdbc;

	IdempotentRequestQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Inserts the key, or waits for a concurrent holder to commit and answers false. */
	boolean claim(String scope, String key, byte[] hash, Instant now) {
		return this.jdbc.sql("""
				INSERT INTO idempotent_request (scope, idempotency_key, request_sha256, created_at)
				VALUES (:scope, :key, :hash, :now)
				ON CONFLICT (scope, idempotency_key) DO NOTHING
				""")
			.param("scope", scope)
			.param("key", key)
			.param("hash", hash)
			.param("now", Timestamp.from(now))
			.update() == 1;
	}

	void complete(String scope, String key, int status, @Nullable String body, @Nullable String etag,
			@Nullable String location) {
		this.jdbc.sql("""
				UPDATE idempotent_request
				   SET response_status = :status, response_body = :body, response_etag = :etag,
				       response_location = :location
				 WHERE scope = :scope AND idempotency_key = :key
				""")
			.param("status", status)
			.param("body", body)
			.param("etag", etag)
			.param("location", location)
			.param("scope", scope)
			.param("key", key)
			.update();
	}

	Stored find(String scope, String key) {
		return this.jdbc.sql("""
				SELECT request_sha256, response_status, response_body, response_etag, response_location
				  FROM idempotent_request WHERE scope = :scope AND idempotency_key = :key
				""")
			.param("scope", scope)
			.param("key", key)
			.query((rs, n) -> new Stored(rs.getBytes(1), rs.getInt(2), rs.getString(3), rs.getString(4),
					rs.getString(5)))
			.single();
	}

	record Stored(byte[] requestSha256, int status, @Nullable String body, @Nullable String etag,
			@Nullable String location) {
	}

}
