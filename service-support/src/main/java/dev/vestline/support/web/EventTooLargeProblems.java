package dev.vestline.support.web;

import dev.vestline.messaging.outbox.EventTooLargeException;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * A request whose change would publish an event larger than any event may be answers 422:
 * the outbox refused the event, the change rolled back, and the caller has to send less
 * (usually a shorter text). Every field has a limit of its own that comes first; this is
 * the bound behind them. Last in line: a service's own handlers come first.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class EventTooLargeProblems {

	@ExceptionHandler(EventTooLargeException.class)
	ResponseEntity<ProblemDetail> eventTooLarge(EventTooLargeException ex) {
		ProblemDetail problem = Problems.of(HttpStatus.UNPROCESSABLE_CONTENT, "event-too-large", "Too much to record",
				"This change would publish an event of " + ex.size() + " bytes, more than the " + ex.limit()
						+ " an event may have; nothing was changed. Send shorter texts or fewer items.");
		problem.setProperty("eventType", ex.eventType());
		return ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT)
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(problem);
	}

}
