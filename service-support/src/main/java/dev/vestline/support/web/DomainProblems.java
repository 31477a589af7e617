package dev.vestline.support.web;

import dev.vestline.support.domain.Conflict;
import dev.vestline.support.domain.DomainException;
import dev.vestline.support.domain.Expired;
import dev.vestline.support.domain.InvalidInput;
import dev.vestline.support.domain.NotFound;
import dev.vestline.support.domain.NotPermitted;
import dev.vestline.support.domain.StaleVersion;
import dev.vestline.support.domain.Unacceptable;
import dev.vestline.support.domain.Unauthenticated;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/**
 * How each family of {@link DomainException} is answered: its status, and the headers a
 * caller acts on ({@code Retry-After} for a conflict that passes later, the current
 * {@code ETag} for a stale version).
 */
final class DomainProblems {

	private DomainProblems() {
	}

	static HttpStatus status(DomainException ex) {
		return switch (ex) {
			case InvalidInput invalid -> HttpStatus.BAD_REQUEST;
			case Unauthenticated unknown -> HttpStatus.UNAUTHORIZED;
			case NotPermitted refused -> HttpStatus.FORBIDDEN;
			case NotFound missing -> HttpStatus.NOT_FOUND;
			case Conflict conflict -> HttpStatus.CONFLICT;
			case Expired expired -> HttpStatus.GONE;
			case StaleVersion stale -> HttpStatus.PRECONDITION_FAILED;
			case Unacceptable unacceptable -> HttpStatus.UNPROCESSABLE_CONTENT;
		};
	}

	static ResponseEntity<ProblemDetail> response(DomainException ex) {
		ProblemDetail problem = Problems.of(status(ex), ex.slug(), ex.title(), ex.detail());
		ex.properties().forEach(problem::setProperty);
		HttpHeaders headers = new HttpHeaders();
		if (ex.retryAfter() != null) {
			long seconds = Math.max(1, ex.retryAfter().toSeconds());
			headers.set(HttpHeaders.RETRY_AFTER, String.valueOf(seconds));
			problem.setProperty("retryAfterSeconds", seconds);
		}
		if (ex instanceof StaleVersion stale) {
			headers.setETag(IfMatch.etag(stale.currentVersion()));
		}
		return Problems.response(problem, headers);
	}

}
