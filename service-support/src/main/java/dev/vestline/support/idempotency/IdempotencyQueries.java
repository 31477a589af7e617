package dev.vestline.support.idempotency;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The SQL of the {@code idempotency_record} table.
 */
class IdempotencyQueries {

	private final JdbcClient jdbc;

	IdempotencyQueries(DataSource dataSource) {
		this.jdbc = JdbcClient.create(dataSource);
	}

	/**
	 * Inserts the key without a response yet. A concurrent holder of the same key makes
	 * this wait until it commits (then false) or rolls back (then true).
	 */
	boolean claim(IdempotencyKey key, Instant now) {
		return this.jdbc.sql("""
				INSERT INTO idempotency_record (caller, operation, idempotency_key, request_sha256, created_at)
				VALUES (?, ?, ?, ?, ?)
				ON CONFLICT (caller, operation, idempotency_key) DO NOTHING
				""")
			.params(key.caller(), key.operation(), key.value(), key.requestSha256(), Timestamp.from(now))
			.update() == 1;
	}

	void complete(IdempotencyKey key, StoredResponse response) {
		this.jdbc.sql("""
				UPDATE idempotency_record
				   SET response_status = ?, response_body = ?, location = ?, etag = ?
				 WHERE caller = ? AND operation = ? AND idempotency_key = ?
				""")
			.params(response.status(), response.body(), response.location(), response.etag(), key.caller(),
					key.operation(), key.value())
			.update();
	}

	/** Inserts key and response at once; the primary key refuses a second response. */
	void insert(IdempotencyKey key, StoredResponse response, Instant now) {
		this.jdbc.sql("""
				INSERT INTO idempotency_record (caller, operation, idempotency_key, request_sha256,
				                                response_status, response_body, location, etag, created_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
				""")
			.params(key.caller(), key.operation(), key.value(), key.requestSha256(), response.status(), response.body(),
					response.location(), response.etag(), Timestamp.from(now))
			.update();
	}

	Optional<Stored> find(IdempotencyKey key) {
		return this.jdbc.sql("""
				SELECT request_sha256, response_status, response_body, location, etag
				  FROM idempotency_record
				 WHERE caller = ? AND operation = ? AND idempotency_key = ?
				""").params(key.caller(), key.operation(), key.value()).query(IdempotencyQueries::stored).optional();
	}

	/** One batch; rows another replica is deleting are skipped, not waited for. */
	int deleteCreatedBefore(Instant cutoff, int limit) {
		return this.jdbc.sql("""
				DELETE FROM idempotency_record
				 WHERE (caller, operation, idempotency_key) IN (
				       SELECT caller, operation, idempotency_key FROM idempotency_record
				        WHERE created_at < ?
				        LIMIT ?
				          FOR UPDATE SKIP LOCKED)
				""").params(Timestamp.from(cutoff), limit).update();
	}

	private static Stored stored(ResultSet rs, int row) throws SQLException {
		int status = rs.getInt("response_status");
		StoredResponse response = rs.wasNull() ? null : new StoredResponse(status, rs.getString("response_body"),
				rs.getString("location"), rs.getString("etag"));
		return new Stored(rs.getBytes("request_sha256"), response);
	}

	/**
	 * @param requestSha256 the fingerprint of the request that claimed the key
	 * @param response its response; {@code null} only while it is being created
	 */
	record Stored(byte[] requestSha256, @Nullable StoredResponse response) {
	}

}
