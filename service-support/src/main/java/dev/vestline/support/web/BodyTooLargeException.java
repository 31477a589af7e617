package dev.vestline.support.web;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.util.unit.DataSize;
import org.springframework.web.ErrorResponseException;

/**
 * A request body larger than its path allows: a 413 problem, raised before the body is
 * read (its declared length) or while it streams in (chunked). The {@link ProblemHandler}
 * renders it as it is; {@link BodyLimitFilter} renders it when nothing else did.
 */
public final class BodyTooLargeException extends ErrorResponseException {

	BodyTooLargeException(DataSize limit) {
		super(HttpStatus.CONTENT_TOO_LARGE,
				Problems.of(HttpStatus.CONTENT_TOO_LARGE, "payload-too-large", "Request body too large",
						"The request body is larger than the " + limit.toBytes() + " bytes this resource accepts"),
				null);
		getBody().setProperty("maxBytes", limit.toBytes());
		// the rest of the body is not read: the connection cannot carry another request
		getHeaders().set(HttpHeaders.CONNECTION, "close");
	}

	/**
	 * @param ex what a reader of the body threw
	 * @return the limit's refusal that caused it, or {@code null}
	 */
	static @Nullable BodyTooLargeException in(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof BodyTooLargeException tooLarge) {
				return tooLarge;
			}
		}
		return null;
	}

}
