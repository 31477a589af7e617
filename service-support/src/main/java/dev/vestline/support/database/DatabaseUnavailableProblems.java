package dev.vestline.support.database;

import java.sql.SQLException;

import dev.vestline.messaging.DatabaseAway;
import dev.vestline.support.web.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.TransactionException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * A request that could not reach the database in time ({@link DatabaseAway}: no pooled
 * connection within the pool's timeout, no answer within the socket timeout, a broken
 * connection) answers 503 with {@code Retry-After}: nothing was changed that the caller
 * can see, and the same request may be sent again. Last in line: a service's own handlers
 * come first.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class DatabaseUnavailableProblems {

	/** Seconds a caller should wait before retrying. */
	static final String RETRY_AFTER_SECONDS = "5";

	private static final Logger logger = LoggerFactory.getLogger(DatabaseUnavailableProblems.class);

	// what a service's own handlers left: answered 503 only when the database was away
	// (DatabaseAway), else passed on as before
	@ExceptionHandler({ DataAccessException.class, TransactionException.class, SQLException.class })
	ResponseEntity<ProblemDetail> databaseUnavailable(Exception ex) throws Exception {
		if (!DatabaseAway.caused(ex)) {
			throw ex;
		}
		logger.warn("Answered 503: the database did not answer in time ({})", ex.getMessage());
		ProblemDetail problem = Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable",
				"Service unavailable",
				"The service's database did not answer in time. Retry after a few seconds (with the same Idempotency-Key, if the request had one).");
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(problem);
	}

}
