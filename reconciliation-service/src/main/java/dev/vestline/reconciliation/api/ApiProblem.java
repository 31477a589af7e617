package dev.vestline.reconciliation.api;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A failure a caller can act on, answered as an RFC 9457 problem with the given status.
 */
public class ApiProblem extends ErrorResponseException {

	private ApiProblem(HttpStatusCode status, String type, String title, String detail) {
		super(status, problem(status, type, title, detail), null);
	}

	private static ProblemDetail problem(HttpStatusCode status, String type, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(URI.create("https://vestline.dev/problems/" + type));
		problem.setTitle(title);
		return problem;
	}

	public static ApiProblem notFound(String detail) {
		return new ApiProblem(HttpStatus.NOT_FOUND, "not-found", "Not found", detail);
	}

	public static ApiProblem conflict(String detail) {
		return new ApiProblem(HttpStatus.CONFLICT, "conflict", "Conflict with the current state", detail);
	}

	public static ApiProblem stale(String detail) {
		return new ApiProblem(HttpStatus.PRECONDITION_FAILED, "stale-version", "Stale version", detail);
	}

	public static ApiProblem preconditionRequired(String detail) {
		return new ApiProblem(HttpStatus.PRECONDITION_REQUIRED, "if-match-required", "If-Match required", detail);
	}

	public static ApiProblem unprocessable(String detail) {
		return new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "unprocessable", "Cannot be processed", detail);
	}

	public static ApiProblem badRequest(String detail) {
		return new ApiProblem(HttpStatus.BAD_REQUEST, "bad-request", "Bad request", detail);
	}

	public static ApiProblem forbidden(String detail) {
		return new ApiProblem(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", detail);
	}

}
