package dev.vestline.approval.idempotency;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import dev.vestline.approval.web.ApiProblem;
import dev.vestline.approval.web.Caller;

/**
 * Runs a creating request at most once per (caller, operation, Idempotency-Key). The key
 * row is inserted first, in the same transaction as the creation: a concurrent retry
 * waits on it, then replays the committed response; a failed creation rolls the key back,
 * so a retry runs again.
 */
@Component
public class IdempotentRequests {

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final JsonMapper json;

	private final Clock clock;

	IdempotentRequests(JdbcClient jdbc, TransactionTemplate transactions, JsonMapper json, Clock clock) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.json = json;
		this.clock = clock;
	}

	/**
	 * @param caller who asks; keys are scoped to the caller
	 * @param operation what is created, e.g. {@code create-approval}
	 * @param key the Idempotency-Key header, or {@code null} to just run the work
	 * @param request the parsed request body, fingerprinted to recognise the same request
	 * @param work creates and returns the response; joins this transaction
	 * @return the response, first or replayed
	 */
	public ResponseEntity<String> run(Caller caller, String operation, @Nullable String key, Object request,
			Supplier<StoredResponse> work) {
		if (key == null) {
			return work.get().toResponse(false);
		}
		if (key.isBlank() || key.length() > 200) {
			throw ApiProblem.invalidField("Idempotency-Key", "must be 1 to 200 characters");
		}
		byte[] fingerprint = sha256(this.json.writeValueAsBytes(request));
		return this.transactions.execute((status) -> {
			if (claim(caller, operation, key, fingerprint)) {
				StoredResponse response = work.get();
				store(caller, operation, key, response);
				return response.toResponse(false);
			}
			return replay(caller, operation, key, fingerprint).toResponse(true);
		});
	}

	private boolean claim(Caller caller, String operation, String key, byte[] fingerprint) {
		// ON CONFLICT waits for a concurrent holder of the key to commit or roll back
		return this.jdbc.sql("""
				INSERT INTO idempotent_request (caller, operation, idempotency_key, request_sha256, created_at)
				VALUES (:caller, :operation, :key, :sha, :now)
				ON CONFLICT DO NOTHING
				""")
			.param("caller", caller.id())
			.param("operation", operation)
			.param("key", key)
			.param("sha", fingerprint)
			.param("now", java.sql.Timestamp.from(this.clock.instant()))
			.update() == 1;
	}

	private void store(Caller caller, String operation, String key, StoredResponse response) {
		this.jdbc.sql("""
				UPDATE idempotent_request
				   SET response_status = :status, response_body = :body, location = :location, etag = :etag
				 WHERE caller = :caller AND operation = :operation AND idempotency_key = :key
				""")
			.param("status", response.status())
			.param("body", response.body())
			.param("location", response.location())
			.param("etag", response.etag())
			.param("caller", caller.id())
			.param("operation", operation)
			.param("key", key)
			.update();
	}

	private StoredResponse replay(Caller caller, String operation, String key, byte[] fingerprint) {
		Optional<Stored> stored = this.jdbc.sql("""
				SELECT request_sha256, response_status, response_body, location, etag
				  FROM idempotent_request
				 WHERE caller = :caller AND operation = :operation AND idempotency_key = :key
				""")
			.param("caller", caller.id())
			.param("operation", operation)
			.param("key", key)
			.query((rs, n) -> new Stored(rs.getBytes(1),
					new StoredResponse(rs.getInt(2), rs.getString(3), rs.getString(4), rs.getString(5))))
			.optional();
		Stored row = stored.orElseThrow(() -> ApiProblem.conflict("idempotency-key-in-use", "Request in progress",
				"A request with this Idempotency-Key is still being processed; retry shortly"));
		if (!Arrays.equals(row.sha(), fingerprint)) {
			throw ApiProblem.unprocessable("idempotency-key-reused", "Idempotency-Key reused",
					"This Idempotency-Key was already used with a different request body; use a new key for a new request");
		}
		return row.response();
	}

	private static byte[] sha256(byte[] bytes) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(bytes);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private record Stored(byte[] sha, StoredResponse response) {
	}

}
