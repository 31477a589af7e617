package dev.vestline.billing.web;

import java.nio.charset.StandardCharsets;
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
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Makes a creating POST safe to retry: the first response to an {@code Idempotency-Key}
 * is stored in the same transaction as the work it describes, and replayed for the same
 * key and body; the same key with another body is refused (422). A concurrent retry waits
 * on the key's row and then replays.
 */
@Component
public class IdempotentRequests {

	private final IdempotentRequestQueries queries;

	private final TransactionTemplate transactions;

	private final JsonMapper json;

	private final Clock clock;

	IdempotentRequests(IdempotentRequestQueries queries, TransactionTemplate transactions, JsonMapper json,
			Clock clock) {
		this.queries = queries;
		this.transactions = transactions;
		this.json = json;
		this.clock = clock;
	}

	/**
	 * @param scope what the key is unique within, e.g. method, path and caller
	 * @param key the {@code Idempotency-Key} header, or {@code null} to just run the work
	 * @param request the request body
	 * @param work the work, answering the response to store
	 * @return the work's response, or the stored one
	 */
	public ResponseEntity<?> execute(String scope, @Nullable String key, Object request,
			Supplier<ResponseEntity<?>> work) {
		if (key == null || key.isBlank()) {
			return work.get();
		}
		if (key.length() > 200) {
			throw Problem.unprocessable("Idempotency-Key is longer than 200 characters");
		}
		byte[] hash = sha256(this.json.writeValueAsString(request));
		ResponseEntity<?> response = this.transactions.execute((status) -> {
			if (!this.queries.claim(scope, key, hash, this.clock.instant())) {
				return replay(this.queries.find(scope, key), hash);
			}
			ResponseEntity<?> fresh = work.get();
			this.queries.complete(scope, key, fresh.getStatusCode().value(),
					(fresh.getBody() != null) ? this.json.writeValueAsString(fresh.getBody()) : null,
					fresh.getHeaders().getFirst(HttpHeaders.ETAG), fresh.getHeaders().getFirst(HttpHeaders.LOCATION));
			return fresh;
		});
		return java.util.Objects.requireNonNull(response);
	}

	private ResponseEntity<?> replay(IdempotentRequestQueries.Stored stored, byte[] hash) {
		if (!Arrays.equals(stored.requestSha256(), hash)) {
			throw Problem
				.unprocessable("This Idempotency-Key was already used with a different request body; use a new key");
		}
		ResponseEntity.BodyBuilder builder = ResponseEntity.status(stored.status())
			.header("Idempotency-Replayed", "true");
		if (stored.etag() != null) {
			builder.header(HttpHeaders.ETAG, stored.etag());
		}
		if (stored.location() != null) {
			builder.header(HttpHeaders.LOCATION, stored.location());
		}
		return (stored.body() != null) ? builder.contentType(MediaType.APPLICATION_JSON).body(stored.body())
				: builder.build();
	}

	private static byte[] sha256(String text) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
