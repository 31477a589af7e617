package dev.vestline.approval.web;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns every error into an RFC 9457 problem with a stable {@code type}; a 400 names the
 * fields at fault.
 */
@RestControllerAdvice
class ApiProblems extends ResponseEntityExceptionHandler {

	@ExceptionHandler(ApiProblem.class)
	ResponseEntity<ProblemDetail> apiProblem(ApiProblem problem) {
		var response = ResponseEntity.status(problem.status()).contentType(MediaType.APPLICATION_PROBLEM_JSON);
		if (problem.retryAfterSeconds() != null) {
			response.header(HttpHeaders.RETRY_AFTER, problem.retryAfterSeconds());
		}
		return response.body(problem.toProblemDetail());
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException ex) {
		return apiProblem(ApiProblem.invalidField(ex.getName(), "is not a valid value"));
	}

	@ExceptionHandler(DuplicateKeyException.class)
	ResponseEntity<ProblemDetail> duplicate(DuplicateKeyException ex) {
		// a unique index refused a concurrent write the application did not foresee
		return apiProblem(ApiProblem.conflict("conflict", "Conflict",
				"A concurrent request changed the same data; read it again and retry"));
	}

	@ExceptionHandler(DataIntegrityViolationException.class)
	ResponseEntity<ProblemDetail> constraint(DataIntegrityViolationException ex) {
		// a CHECK constraint stood behind an invariant; nothing was written
		return apiProblem(ApiProblem.conflict("invariant-violated", "Conflict",
				"The change would break an invariant of the data and was not made"));
	}

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<Map<String, String>> errors = ex.getBindingResult()
			.getFieldErrors()
			.stream()
			.map((error) -> Map.of("field", error.getField(), "message",
					(error.getDefaultMessage() != null) ? error.getDefaultMessage() : "is invalid"))
			.toList();
		ProblemDetail problem = badRequest("The request has invalid fields: "
				+ String.join(", ", errors.stream().map((e) -> e.get("field")).toList()));
		problem.setProperty("errors", errors);
		return ResponseEntity.badRequest().body(problem);
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		String field = fieldOf(ex);
		ProblemDetail problem = badRequest((field != null) ? field + ": has a value of the wrong type or format"
				: "The body is not well-formed JSON");
		if (field != null) {
			problem.setProperty("errors", List.of(Map.of("field", field, "message", "has the wrong type or format")));
		}
		return ResponseEntity.badRequest().body(problem);
	}

	@Override
	protected ResponseEntity<Object> createResponseEntity(@Nullable Object body, HttpHeaders headers,
			HttpStatusCode statusCode, WebRequest request) {
		// Spring's own problems (405, 415, 406 ...) get a stable type too
		if (body instanceof ProblemDetail problem && problem.getType().equals(URI.create("about:blank"))) {
			problem.setType(URI.create(ApiProblem.TYPE_BASE + "http-" + statusCode.value()));
		}
		// said explicitly: negotiation would otherwise pick application/json for a
		// request
		// whose own content type was refused (415)
		HttpHeaders problemHeaders = new HttpHeaders();
		problemHeaders.addAll(headers);
		problemHeaders.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
		return super.createResponseEntity(body, problemHeaders, statusCode, request);
	}

	private static ProblemDetail badRequest(String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
		problem.setType(URI.create(ApiProblem.TYPE_BASE + "invalid-request"));
		problem.setTitle("Invalid request");
		return problem;
	}

	private static @Nullable String fieldOf(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof JacksonException jackson && !jackson.getPath().isEmpty()) {
				String field = dotted(jackson.getPath());
				return field.isEmpty() ? null : field;
			}
		}
		return null;
	}

	private static String dotted(List<JacksonException.Reference> path) {
		StringBuilder field = new StringBuilder();
		for (JacksonException.Reference reference : path) {
			if (reference.getPropertyName() != null) {
				field.append(field.isEmpty() ? "" : ".").append(reference.getPropertyName());
			}
			else if (reference.getIndex() >= 0) {
				field.append('[').append(reference.getIndex()).append(']');
			}
		}
		return field.toString();
	}

}
