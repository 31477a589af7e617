package dev.vestline.reconciliation.api;

import java.util.List;
import java.sql.SQLException;
import java.util.Map;
import java.util.stream.Collectors;

import dev.vestline.reconciliation.statements.MalformedStatementException;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;

import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Answers every error as an RFC 9457 problem: validation failures name their fields, a
 * malformed statement names its line or element.
 */
@RestControllerAdvice
class ProblemResponses extends ResponseEntityExceptionHandler {

	@Override
	protected @Nullable ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		ProblemDetail problem = ex.getBody();
		List<Map<String, String>> errors = ex.getBindingResult()
			.getFieldErrors()
			.stream()
			.map((error) -> Map.of("field", error.getField(), "message", String.valueOf(error.getDefaultMessage())))
			.toList();
		problem.setDetail("The request has invalid fields");
		problem.setProperty("errors", errors);
		return handleExceptionInternal(ex, problem, headers, status, request);
	}

	/**
	 * A body that cannot be read as the operation's JSON: names the field when the reader
	 * knows it (e.g. an amount written as {@code 1e400}), without echoing the body.
	 */
	@Override
	protected @Nullable ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				"The request body is not the JSON this operation reads");
		if (ex.getCause() instanceof JacksonException json && !json.getPath().isEmpty()) {
			String field = json.getPath()
				.stream()
				.map((reference) -> (reference.getPropertyName() != null) ? reference.getPropertyName()
						: "[" + reference.getIndex() + "]")
				.collect(Collectors.joining("."));
			String message = shortened(String.valueOf(json.getOriginalMessage()));
			problem.setDetail("The field " + field + " cannot be read: " + message);
			problem.setProperty("errors", List.of(Map.of("field", field, "message", message)));
		}
		return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
	}

	private static String shortened(String message) {
		return (message.length() > 300) ? message.substring(0, 300) + "…" : message;
	}

	/**
	 * A deadlock or lock timeout PostgreSQL broke: nothing was changed, a retry may pass.
	 */
	@ExceptionHandler
	ResponseEntity<ProblemDetail> concurrencyFailure(ConcurrencyFailureException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
				"A concurrent change got in the way; nothing was changed. Read the resource again and retry.");
		problem.setTitle("Concurrent change");
		return ResponseEntity.status(HttpStatus.CONFLICT).header(HttpHeaders.RETRY_AFTER, "1").body(problem);
	}

	/**
	 * A value PostgreSQL refused as data (SQLSTATE class 22: a NUL character, a number
	 * out of range) came from the request, so it is the caller's error; the transaction
	 * rolled back, nothing was written. Any other integrity violation stays a server
	 * error.
	 */
	@ExceptionHandler
	ResponseEntity<ProblemDetail> unstorableValue(DataIntegrityViolationException ex) {
		if (!(ex.getMostSpecificCause() instanceof SQLException sql) || sql.getSQLState() == null
				|| !sql.getSQLState().startsWith("22")) {
			throw ex;
		}
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				"A value of the request cannot be stored (for example a NUL character); nothing was changed.");
		problem.setTitle("Invalid value");
		return ResponseEntity.badRequest().body(problem);
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> malformedStatement(MalformedStatementException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				ex.getMessage() + ". Nothing of the file was imported.");
		problem.setTitle("Malformed bank statement");
		problem.setProperty("where", ex.where());
		return ResponseEntity.badRequest().body(problem);
	}

}
