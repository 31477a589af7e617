package dev.vestline.signature.signing;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import dev.vestline.signature.documents.Sha256;
import dev.vestline.signature.web.ApiProblem;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Remembers the response to a request sent with an {@code Idempotency-Key}, written in
 * the transaction that produced it, so that a retry gets the first response (same key and
 * request) or a 422 (same key, different request).
 */
@Component
class IdempotentRequests {

	private final JdbcClient jdbc;

	private final JsonMapper json;

	IdempotentRequests(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	/**
	 * @return the first response to this key in this scope, if there is one
	 * @throws ApiProblem 422 when the key was used for a different request
	 */
	<T> Optional<T> replay(Key key, Class<T> type) {
		return this.jdbc.sql("""
				SELECT request_sha256, response_body FROM idempotent_request
				 WHERE scope = :scope AND idempotency_key = :key
				""").param("scope", key.scope()).param("key", key.value()).query((rs, row) -> {
			if (!rs.getString("request_sha256").equals(key.requestSha256())) {
				throw ApiProblem.unprocessable("Idempotency-Key " + key.value()
						+ " was already used with a different request; use a new key for a new request.");
			}
			return this.json.readValue(rs.getString("response_body"), type);
		}).optional();
	}

	/** Stores the response; the primary key refuses a second one for the same key. */
	void remember(Key key, int status, Object response, Instant at) {
		this.jdbc.sql("""
				INSERT INTO idempotent_request (scope, idempotency_key, request_sha256, response_status,
				                                response_body, created_at)
				VALUES (:scope, :key, :requestSha256, :status, :body, :at)
				""")
			.param("scope", key.scope())
			.param("key", key.value())
			.param("requestSha256", key.requestSha256())
			.param("status", status)
			.param("body", this.json.writeValueAsString(response))
			.param("at", Timestamp.from(at))
			.update();
	}

	/**
	 * A client's key for one request.
	 *
	 * @param scope what it is scoped to
	 * @param value the key
	 * @param requestSha256 the hash of the request's meaning
	 */
	record Key(String scope, String value, String requestSha256) {

		static Key of(String scope, String value, String... request) {
			if (value.isBlank() || value.length() > 200) {
				throw ApiProblem.badRequest("An Idempotency-Key has 1 to 200 characters.");
			}
			return new Key(scope, value, Sha256.hex(String.join("\u0000", request).getBytes(StandardCharsets.UTF_8)));
		}

	}

}
