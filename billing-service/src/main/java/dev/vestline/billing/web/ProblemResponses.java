package dev.vestline.billing.web;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Renders every error as an RFC 9457 problem; validation problems list their fields.
 */
@RestControllerAdvice
class ProblemResponses extends ResponseEntityExceptionHandler {

	@Override
	protected @Nullable ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				"The request has invalid fields");
		problem.setTitle("Invalid request");
		List<Map<String, Object>> errors = ex.getBindingResult()
			.getFieldErrors()
			.stream()
			.map(ProblemResponses::fieldError)
			.toList();
		problem.setProperty("errors", errors);
		return ResponseEntity.badRequest().body(problem);
	}

	/**
	 * JSON that cannot be read into the request (a fraction for a whole number, an
	 * exponent in a decimal, a string for a number) is a 400 naming the field.
	 */
	@Override
	protected @Nullable ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		Problem problem = (ex.getCause() instanceof JacksonException json) ? UnreadableJson.problem(json)
				: Problem.invalid("body", "is missing or is not JSON");
		return ResponseEntity.badRequest().body(problem.getBody());
	}

	private static Map<String, Object> fieldError(FieldError error) {
		return Map.of("field", error.getField(), "message",
				(error.getDefaultMessage() != null) ? error.getDefaultMessage() : "is invalid");
	}

	/**
	 * A constraint that caught a race the code did not: still a conflict, never a 500.
	 */
	@ExceptionHandler(DataIntegrityViolationException.class)
	ResponseEntity<ProblemDetail> integrityViolated(DataIntegrityViolationException ex) {
		return conflict("The change conflicts with the current state; read it again and retry");
	}

	@ExceptionHandler(PessimisticLockingFailureException.class)
	ResponseEntity<ProblemDetail> lockFailed(PessimisticLockingFailureException ex) {
		return conflict("Another change to the same data won; retry");
	}

	private static ResponseEntity<ProblemDetail> conflict(String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, detail);
		problem.setTitle("Conflict");
		return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
	}

}
