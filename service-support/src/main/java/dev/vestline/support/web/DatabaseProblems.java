package dev.vestline.support.web;

import java.sql.SQLException;

import dev.vestline.messaging.DatabaseAway;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/**
 * What a database failure means to the caller. Away ({@link DatabaseAway}: no pooled
 * connection in time, no answer in time, a broken connection): 503 with
 * {@code Retry-After}, nothing changed, the same request may come again. A race the
 * database caught that the code did not foresee: 409 (a unique index: {@code conflict}; a
 * CHECK or foreign key: {@code invariant-violated}; a deadlock or lock timeout:
 * {@code conflict} with {@code Retry-After}). A value it cannot store (SQLSTATE class 22,
 * e.g. a NUL character): 400. Anything else is the server's error.
 */
final class DatabaseProblems {

	/** Seconds a caller should wait before retrying when the database was away. */
	static final String RETRY_AFTER_SECONDS = "5";

	private static final Logger logger = LoggerFactory.getLogger(DatabaseProblems.class);

	private DatabaseProblems() {
	}

	static @Nullable ResponseEntity<ProblemDetail> answer(Exception ex) {
		if (DatabaseAway.caused(ex)) {
			logger.warn("Answered 503: the database did not answer in time ({})", ex.getMessage());
			return Problems.response(Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable",
					"Service unavailable",
					"The service's database did not answer in time. Retry after a few seconds (with the same Idempotency-Key, if the request had one)."),
					retryAfter(RETRY_AFTER_SECONDS));
		}
		if (ex instanceof DuplicateKeyException) {
			return conflict("conflict", "A concurrent request changed the same data; read it again and retry",
					HttpHeaders.EMPTY);
		}
		if (ex instanceof DataIntegrityViolationException violation) {
			return integrity(violation);
		}
		if (ex instanceof ConcurrencyFailureException) {
			return conflict("conflict",
					"A concurrent change got in the way; nothing was changed. Read the resource again and retry.",
					retryAfter("1"));
		}
		return null;
	}

	private static ResponseEntity<ProblemDetail> integrity(DataIntegrityViolationException ex) {
		if (ex.getMostSpecificCause() instanceof SQLException sql && sql.getSQLState() != null
				&& sql.getSQLState().startsWith("22")) {
			return Problems.response(Problems.of(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request",
					"A value of the request cannot be stored (for example a NUL character); nothing was changed."),
					HttpHeaders.EMPTY);
		}
		logger.info("Refused a change a constraint caught: {}", ex.getMostSpecificCause().getMessage());
		return conflict("invariant-violated", "The change would break an invariant of the data and was not made",
				HttpHeaders.EMPTY);
	}

	private static ResponseEntity<ProblemDetail> conflict(String slug, String detail, HttpHeaders headers) {
		return Problems.response(Problems.of(HttpStatus.CONFLICT, slug, "Conflict", detail), headers);
	}

	private static HttpHeaders retryAfter(String seconds) {
		HttpHeaders headers = new HttpHeaders();
		headers.set(HttpHeaders.RETRY_AFTER, seconds);
		return headers;
	}

}
