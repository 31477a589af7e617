package dev.vestline.signature.web;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Answers every failed request with an RFC 9457 problem: Spring MVC's own failures, the
 * {@link ApiProblem}s of the features, and constraint violations a race ran into.
 */
@RestControllerAdvice
class ProblemResponses extends ResponseEntityExceptionHandler {

	@ExceptionHandler
	ResponseEntity<ProblemDetail> apiProblem(ApiProblem problem) {
		ProblemDetail body = ProblemDetail.forStatusAndDetail(problem.status(), problem.getMessage());
		var response = ResponseEntity.status(problem.status());
		if (problem.retryAfter() != null) {
			long seconds = Math.max(1, problem.retryAfter().toSeconds());
			response.header(HttpHeaders.RETRY_AFTER, String.valueOf(seconds));
			body.setProperty("retryAfterSeconds", seconds);
		}
		return response.body(body);
	}

	/**
	 * A race lost against a unique index or a CHECK: the state changed under the caller.
	 */
	@ExceptionHandler
	ResponseEntity<ProblemDetail> constraintViolated(DataIntegrityViolationException ex) {
		this.logger.info("Refused a conflicting change: " + ex.getMostSpecificCause().getMessage());
		return ResponseEntity.status(HttpStatus.CONFLICT)
			.body(ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
					"The resource changed while your request was processed; reload it and try again."));
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		ProblemDetail body = ex.getBody();
		body.setDetail("The request has invalid fields.");
		List<Map<String, String>> errors = ex.getBindingResult()
			.getFieldErrors()
			.stream()
			.map((error) -> Map.of("field", error.getField(), "message",
					(error.getDefaultMessage() != null) ? error.getDefaultMessage() : "is invalid"))
			.toList();
		body.setProperty("errors", errors);
		return handleExceptionInternal(ex, body, headers, status, request);
	}

}
