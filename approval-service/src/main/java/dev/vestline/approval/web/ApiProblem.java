package dev.vestline.approval.web;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * A failed request that becomes an RFC 9457 problem response with a stable {@code type}.
 */
public class ApiProblem extends RuntimeException {

	/** Where the problem types live; the suffix is the stable slug. */
	public static final String TYPE_BASE = "https://vestline.dev/problems/";

	private final HttpStatus status;

	private final String slug;

	private final String title;

	private final Map<String, Object> properties = new LinkedHashMap<>();

	private @Nullable String retryAfter;

	public ApiProblem(HttpStatus status, String slug, String title, String detail) {
		super(detail);
		this.status = status;
		this.slug = slug;
		this.title = title;
	}

	public static ApiProblem notFound(String what, Object id) {
		return new ApiProblem(HttpStatus.NOT_FOUND, "not-found", what + " not found",
				"There is no " + what.toLowerCase(java.util.Locale.ROOT) + " " + id);
	}

	public static ApiProblem conflict(String slug, String title, String detail) {
		return new ApiProblem(HttpStatus.CONFLICT, slug, title, detail);
	}

	public static ApiProblem forbidden(String slug, String title, String detail) {
		return new ApiProblem(HttpStatus.FORBIDDEN, slug, title, detail);
	}

	public static ApiProblem unprocessable(String slug, String title, String detail) {
		return new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, slug, title, detail);
	}

	/** A 400 that names the offending field. */
	public static ApiProblem invalidField(String field, String message) {
		return new ApiProblem(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request", field + ": " + message)
			.with("errors", java.util.List.of(Map.of("field", field, "message", message)));
	}

	public ApiProblem with(String name, Object value) {
		this.properties.put(name, value);
		return this;
	}

	public ApiProblem retryAfter(String seconds) {
		this.retryAfter = seconds;
		return this;
	}

	public HttpStatus status() {
		return this.status;
	}

	public String slug() {
		return this.slug;
	}

	public @Nullable String retryAfterSeconds() {
		return this.retryAfter;
	}

	public ProblemDetail toProblemDetail() {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(this.status, getMessage());
		problem.setType(URI.create(TYPE_BASE + this.slug));
		problem.setTitle(this.title);
		this.properties.forEach(problem::setProperty);
		return problem;
	}

}
