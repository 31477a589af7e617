package dev.vestline.support.idempotency;

import java.util.List;
import java.util.Map;

import dev.vestline.support.web.Problems;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * An RFC 9457 problem with an {@code Idempotency-Key}; the web kit's
 * {@code ProblemHandler} renders it as it is.
 */
public final class IdempotencyProblem extends ErrorResponseException {

	private IdempotencyProblem(HttpStatus status, String type, String title, String detail) {
		super(status, Problems.of(status, type, title, detail), null);
	}

	/** 400: a blank or overlong key is the client's mistake, not a key to ignore. */
	static IdempotencyProblem invalidKey() {
		String message = "must be 1 to " + IdempotencyKey.MAX_LENGTH + " characters";
		IdempotencyProblem problem = new IdempotencyProblem(HttpStatus.BAD_REQUEST, "invalid-request",
				"Invalid request", "Idempotency-Key: " + message);
		problem.getBody().setProperty("errors", List.of(Map.of("field", "Idempotency-Key", "message", message)));
		return problem;
	}

	/** 422: the key already stands for another request. */
	static IdempotencyProblem reused() {
		return new IdempotencyProblem(HttpStatus.UNPROCESSABLE_CONTENT, "idempotency-key-reused",
				"Idempotency-Key reused",
				"This Idempotency-Key was already used with a different request; use a new key for a new request");
	}

	/** 409: the first request with the key has not finished; its answer comes soon. */
	static IdempotencyProblem inProgress() {
		IdempotencyProblem problem = new IdempotencyProblem(HttpStatus.CONFLICT, "idempotency-key-in-use",
				"Request in progress", "A request with this Idempotency-Key is still being processed; retry shortly");
		problem.getHeaders().set(HttpHeaders.RETRY_AFTER, "1");
		return problem;
	}

}
