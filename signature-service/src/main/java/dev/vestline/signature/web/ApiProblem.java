package dev.vestline.signature.web;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;

/**
 * A request that cannot be served, as it will be answered: status, a title and a detail a
 * person understands, and for a temporary conflict when to try again.
 */
public class ApiProblem extends RuntimeException {

	private final HttpStatus status;

	private final @Nullable Duration retryAfter;

	protected ApiProblem(HttpStatus status, String detail, @Nullable Duration retryAfter) {
		super(detail);
		this.status = status;
		this.retryAfter = retryAfter;
	}

	public static ApiProblem badRequest(String detail) {
		return new ApiProblem(HttpStatus.BAD_REQUEST, detail, null);
	}

	public static ApiProblem notFound(String detail) {
		return new ApiProblem(HttpStatus.NOT_FOUND, detail, null);
	}

	public static ApiProblem conflict(String detail) {
		return new ApiProblem(HttpStatus.CONFLICT, detail, null);
	}

	public static ApiProblem busy(String detail, Duration retryAfter) {
		return new ApiProblem(HttpStatus.CONFLICT, detail, retryAfter);
	}

	public static ApiProblem gone(String detail) {
		return new ApiProblem(HttpStatus.GONE, detail, null);
	}

	public static ApiProblem stale(String detail) {
		return new ApiProblem(HttpStatus.PRECONDITION_FAILED, detail, null);
	}

	public static ApiProblem ifMatchRequired() {
		return new ApiProblem(HttpStatus.PRECONDITION_REQUIRED,
				"Send If-Match with the ETag you last read, so that a concurrent change is not overwritten.", null);
	}

	public static ApiProblem unprocessable(String detail) {
		return new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, detail, null);
	}

	public HttpStatus status() {
		return this.status;
	}

	public @Nullable Duration retryAfter() {
		return this.retryAfter;
	}

}
