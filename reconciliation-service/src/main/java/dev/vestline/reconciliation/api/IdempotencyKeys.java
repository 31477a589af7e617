package dev.vestline.reconciliation.api;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.Arrays;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Makes a creating POST safe to retry: the first response for a caller's
 * {@code Idempotency-Key} is stored in the same transaction as what it created and
 * replayed for a retry with the same body; another body under the same key is a 422. A
 * concurrent retry waits on the key's row until the first commits.
 */
@Component
public class IdempotencyKeys {

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final JsonMapper json;

	private final Clock clock;

	IdempotencyKeys(JdbcClient jdbc, TransactionTemplate transactions, JsonMapper json, Clock clock) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.json = json;
		this.clock = clock;
	}

	/**
	 * @param caller who calls (keys are per caller)
	 * @param operation what is created
	 * @param key the header, or {@code null} for a call that is not retried
	 * @param request the request's bytes, to recognise a retry
	 * @param work creates the resource; joins the transaction
	 * @return the response, new or replayed
	 */
	public ResponseEntity<?> run(String caller, String operation, @Nullable String key, byte[] request,
			Supplier<ResponseEntity<?>> work) {
		if (key == null) {
			return work.get();
		}
		if (key.isBlank() || key.length() > 200) {
			throw ApiProblem.badRequest("Idempotency-Key must be 1 to 200 characters");
		}
		byte[] hash = sha256(request);
		ResponseEntity<?> response = this.transactions.execute((status) -> {
			if (IdempotencyQueries.claim(this.jdbc, caller, operation, key, hash, this.clock.instant())) {
				ResponseEntity<?> created = work.get();
				IdempotencyQueries.complete(this.jdbc, caller, operation, key, created.getStatusCode().value(),
						this.json.writeValueAsString(created.getBody()), header(created, HttpHeaders.LOCATION),
						header(created, HttpHeaders.ETAG));
				return created;
			}
			return replay(IdempotencyQueries.find(this.jdbc, caller, operation, key), hash);
		});
		return java.util.Objects.requireNonNull(response);
	}

	private static ResponseEntity<?> replay(IdempotencyQueries.Stored stored, byte[] hash) {
		if (!Arrays.equals(stored.requestSha256(), hash)) {
			throw ApiProblem.unprocessable("This Idempotency-Key was used for a different request; use a new key");
		}
		ResponseEntity.BodyBuilder replay = ResponseEntity.status(stored.status())
			.contentType(MediaType.APPLICATION_JSON)
			.header("Idempotent-Replayed", "true");
		if (stored.location() != null) {
			replay.header(HttpHeaders.LOCATION, stored.location());
		}
		if (stored.etag() != null) {
			replay.header(HttpHeaders.ETAG, stored.etag());
		}
		return replay.body(stored.body());
	}

	private static @Nullable String header(ResponseEntity<?> response, String name) {
		return response.getHeaders().getFirst(name);
	}

	private static byte[] sha256(byte[] request) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(request);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
