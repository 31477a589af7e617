package dev.vestline.billing.web;

import java.net.URI;
import java.util.Map;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * An RFC 9457 problem a feature raises; rendered by {@link ProblemResponses}.
 */
public class Problem extends ErrorResponseException {

	private Problem(HttpStatus status, String type, String title, String detail, HttpHeaders headers) {
		super(status, problem(status, type, title, detail), null);
		getHeaders().addAll(headers);
	}

	private static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(URI.create("https://vestline.dev/problems/" + type));
		problem.setTitle(title);
		return problem;
	}

	public static Problem notFound(String what) {
		return new Problem(HttpStatus.NOT_FOUND, "not-found", "Not found", what + " does not exist", HttpHeaders.EMPTY);
	}

	public static Problem conflict(String detail) {
		return new Problem(HttpStatus.CONFLICT, "conflict", "Conflict", detail, HttpHeaders.EMPTY);
	}

	public static Problem staleVersion(long current) {
		HttpHeaders headers = new HttpHeaders();
		headers.setETag(ConditionalRequests.etag(current));
		return new Problem(HttpStatus.PRECONDITION_FAILED, "stale-version", "Stale version",
				"The resource changed since you read it (now version " + current + "); read it again and retry",
				headers);
	}

	public static Problem ifMatchRequired() {
		return new Problem(HttpStatus.PRECONDITION_REQUIRED, "if-match-required", "If-Match required",
				"Send If-Match with the ETag you read, so that no one else's change is overwritten", HttpHeaders.EMPTY);
	}

	/**
	 * @param errors each invalid field (its JSON path) and what is wrong with it
	 * @return a 400 listing them as {@code errors[].field/message}, like a failed
	 * validation
	 */
	public static Problem invalid(Map<String, String> errors) {
		Problem problem = new Problem(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request",
				"The request has invalid fields", HttpHeaders.EMPTY);
		problem.getBody()
			.setProperty("errors",
					errors.entrySet()
						.stream()
						.map((e) -> Map.of("field", e.getKey(), "message", e.getValue()))
						.toList());
		return problem;
	}

	/**
	 * @param field the field's JSON path
	 * @param message what is wrong with it
	 * @return a 400 naming the field
	 */
	public static Problem invalid(String field, String message) {
		return invalid(Map.of(field, message));
	}

	public static Problem unprocessable(String detail) {
		return new Problem(HttpStatus.UNPROCESSABLE_CONTENT, "unprocessable", "Unprocessable request", detail,
				HttpHeaders.EMPTY);
	}

	public static Problem unauthorized(String detail) {
		return new Problem(HttpStatus.UNAUTHORIZED, "unauthorized", "Unauthorized", detail, HttpHeaders.EMPTY);
	}

	public static Problem forbidden(String detail) {
		return new Problem(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", detail, HttpHeaders.EMPTY);
	}

}
