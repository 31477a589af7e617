package dev.vestline.support.idempotency;

import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

import javax.sql.DataSource;

import dev.vestline.support.domain.DomainException;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs a creating request at most once per (caller, operation, Idempotency-Key). The key
 * row is inserted first, in the transaction that does the work: a concurrent retry waits
 * on it, then replays the committed response; a failed request rolls its key back, so a
 * retry runs again. The same key with another request is a 422.
 */
public class IdempotentRequests {

	private final IdempotencyQueries queries;

	private final TransactionTemplate transactions;

	private final JsonMapper json;

	private final Clock clock;

	public IdempotentRequests(DataSource dataSource, TransactionTemplate transactions, JsonMapper json, Clock clock) {
		this.queries = new IdempotencyQueries(dataSource);
		this.transactions = transactions;
		this.json = json;
		this.clock = clock;
	}

	/**
	 * @param caller who asks; keys are scoped to the caller
	 * @param operation what is created, e.g. {@code create-deal}
	 * @param key the {@code Idempotency-Key} header, or {@code null} to just run the work
	 * @param request the parsed request (fingerprinted as JSON), or the raw body as
	 * {@code byte[]}
	 * @param work creates and answers the response; joins the key's transaction
	 * @return the response, first or replayed, its body as the stored JSON text
	 */
	public ResponseEntity<?> run(String caller, String operation, @Nullable String key, Object request,
			Supplier<? extends ResponseEntity<?>> work) {
		return (key != null) ? run(key(caller, operation, key, request), work) : work.get();
	}

	/**
	 * @param key the client's key
	 * @param work creates and answers the response; joins the key's transaction
	 * @return the response, first or replayed
	 */
	public ResponseEntity<?> run(IdempotencyKey key, Supplier<? extends ResponseEntity<?>> work) {
		return Objects.requireNonNull(this.transactions.execute((status) -> {
			if (this.queries.claim(key, this.clock.instant())) {
				ResponseEntity<?> fresh = work.get();
				StoredResponse response = StoredResponse.of(fresh, this.json);
				this.queries.complete(key, response);
				return response.toResponse(fresh.getHeaders(), false);
			}
			return storedResponse(key).orElseThrow(IdempotencyProblem::inProgress).toResponse(HttpHeaders.EMPTY, true);
		}));
	}

	/**
	 * @param caller who asks
	 * @param operation what is created
	 * @param key the header's value
	 * @param request the parsed request (fingerprinted as JSON), or its bytes
	 * @return the key
	 */
	public IdempotencyKey key(String caller, String operation, String key, Object request) {
		byte[] bytes = (request instanceof byte[] raw) ? raw : this.json.writeValueAsBytes(request);
		return IdempotencyKey.of(caller, operation, key, bytes);
	}

	/**
	 * For work that cannot run in one transaction (it takes a lease, works outside any
	 * transaction, then commits): answers a retry with the first response, or runs the
	 * work, which must {@link #remember} its answer in the transaction that commits it.
	 * When a concurrent retry with the same key committed first, the work's refusal (a
	 * {@link DomainException}) gives way to that first answer.
	 * @param key the client's key
	 * @param work does the work and answers with the body of a 200
	 * @return the response, first (200) or replayed (marked {@code Idempotent-Replayed})
	 * @throws IdempotencyProblem 422 when the key was used for another request
	 */
	public ResponseEntity<?> runAcrossTransactions(IdempotencyKey key, Supplier<?> work) {
		Optional<ResponseEntity<String>> first = replayed(key);
		if (first.isPresent()) {
			return first.get();
		}
		try {
			return ResponseEntity.ok(work.get());
		}
		catch (DomainException ex) {
			return replayed(key).orElseThrow(() -> ex);
		}
	}

	/**
	 * Stores the answer of work run by {@link #runAcrossTransactions} in the current
	 * transaction, which commits that work; a second answer for the same key fails on the
	 * primary key and rolls that work back.
	 * @param key the client's key
	 * @param answer the body a 200 answered, replayed as first written
	 */
	public void remember(IdempotencyKey key, Object answer) {
		this.queries.insert(key, StoredResponse.of(ResponseEntity.ok(answer), this.json), this.clock.instant());
	}

	/**
	 * @param key the client's key
	 * @return the first response, if the key was used before, marked
	 * {@code Idempotent-Replayed}
	 * @throws IdempotencyProblem 422 when the key was used for another request
	 */
	public Optional<ResponseEntity<String>> replayed(IdempotencyKey key) {
		return storedResponse(key).map((stored) -> stored.toResponse(new HttpHeaders(), true));
	}

	private Optional<StoredResponse> storedResponse(IdempotencyKey key) {
		return this.queries.find(key).map((stored) -> {
			if (!key.isFor(stored.requestSha256())) {
				throw IdempotencyProblem.reused();
			}
			return stored.response();
		});
	}

}
