package dev.vestline.support.web;

import java.net.URI;
import java.sql.SQLException;

import dev.vestline.messaging.outbox.EventTooLargeException;
import dev.vestline.support.domain.DomainException;
import dev.vestline.support.domain.InvalidInput;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.TypeMismatchException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.transaction.TransactionException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every failure a controller lets through, as an RFC 9457 problem with a stable
 * {@code type}, the same in every service: domain exceptions by their family, bad input
 * (validation, binding, unreadable JSON) as 400 {@code invalid-request} naming the
 * fields, Spring MVC's own refusals (405, 406, 415 ...) as {@code http-<status>}, a
 * database that is away as 503, a lost race the database caught as 409, an event too
 * large to publish as 422.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public class ProblemHandler extends ResponseEntityExceptionHandler {

	private static final URI ABOUT_BLANK = URI.create("about:blank");

	@ExceptionHandler
	ResponseEntity<ProblemDetail> domain(DomainException ex) {
		return DomainProblems.response(ex);
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> eventTooLarge(EventTooLargeException ex) {
		ProblemDetail problem = Problems.of(HttpStatus.UNPROCESSABLE_CONTENT, "event-too-large", "Too much to record",
				"This change would publish an event of " + ex.size() + " bytes, more than the " + ex.limit()
						+ " an event may have; nothing was changed. Send shorter texts or fewer items.");
		problem.setProperty("eventType", ex.eventType());
		return Problems.response(problem, HttpHeaders.EMPTY);
	}

	/**
	 * What the database refused or could not answer: 503 when it was away, 409 for a race
	 * it caught (a unique index, a CHECK, a deadlock), 400 for a value it cannot store;
	 * anything else is the server's error and passes on.
	 */
	@ExceptionHandler({ DataAccessException.class, TransactionException.class, SQLException.class })
	ResponseEntity<ProblemDetail> database(Exception ex) throws Exception {
		ResponseEntity<ProblemDetail> answer = DatabaseProblems.answer(ex);
		if (answer == null) {
			throw ex;
		}
		return answer;
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return invalid(InvalidInput.fields(FieldErrors.of(ex.getBindingResult())));
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleHandlerMethodValidationException(
			HandlerMethodValidationException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return invalid(InvalidInput.fields(FieldErrors.of(ex)));
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		BodyTooLargeException tooLarge = BodyTooLargeException.in(ex);
		if (tooLarge != null) {
			return handleErrorResponseException(tooLarge, tooLarge.getHeaders(), tooLarge.getStatusCode(), request);
		}
		return invalid(InvalidInput.fields(FieldErrors.ofUnreadable(ex)));
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		String name = (ex instanceof MethodArgumentTypeMismatchException argument) ? argument.getName()
				: String.valueOf(ex.getPropertyName());
		return invalid(InvalidInput.field(name, "is not a valid value"));
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleMissingServletRequestParameter(
			MissingServletRequestParameterException ex, HttpHeaders headers, HttpStatusCode status,
			WebRequest request) {
		return invalid(InvalidInput.field(ex.getParameterName(), "is required"));
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleServletRequestBindingException(ServletRequestBindingException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		if (ex instanceof MissingRequestHeaderException missing) {
			return invalid(InvalidInput.field(missing.getHeaderName(), "is required"));
		}
		return super.handleServletRequestBindingException(ex, headers, status, request);
	}

	@Override
	protected ResponseEntity<Object> createResponseEntity(@Nullable Object body, HttpHeaders headers,
			HttpStatusCode statusCode, WebRequest request) {
		// Spring's own refusals (405, 406, 415 ...) get a stable type too
		if (body instanceof ProblemDetail problem
				&& (problem.getType() == null || ABOUT_BLANK.equals(problem.getType()))) {
			problem.setType(URI.create(Problems.TYPE_BASE + "http-" + statusCode.value()));
		}
		// said explicitly: negotiation would otherwise pick application/json for a
		// request
		// whose own content type was refused (415)
		HttpHeaders problemHeaders = new HttpHeaders();
		problemHeaders.addAll(headers);
		problemHeaders.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
		return super.createResponseEntity(body, problemHeaders, statusCode, request);
	}

	private static ResponseEntity<Object> invalid(InvalidInput ex) {
		ResponseEntity<ProblemDetail> answer = DomainProblems.response(ex);
		return ResponseEntity.status(answer.getStatusCode()).headers(answer.getHeaders()).body(answer.getBody());
	}

}
