package dev.vestline.support.web;

import java.io.IOException;
import java.util.regex.Pattern;

import dev.vestline.messaging.EventContext;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Carries a request's W3C {@code traceparent} and {@code X-Correlation-Id} into the
 * events the request appends to the outbox, so a trace and a flow can be followed across
 * services. Malformed values are ignored rather than propagated.
 */
public class EventContextFilter extends OncePerRequestFilter {

	/** The request header naming the flow a request belongs to. */
	public static final String CORRELATION_HEADER = "X-Correlation-Id";

	private static final Pattern TRACEPARENT = Pattern.compile("^00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$");

	private static final Pattern CORRELATION = Pattern.compile("^[A-Za-z0-9._:-]{1,100}$");

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		EventContext context = new EventContext(valid(request.getHeader(CORRELATION_HEADER), CORRELATION), null,
				valid(request.getHeader("traceparent"), TRACEPARENT));
		try {
			context.call(() -> {
				try {
					chain.doFilter(request, response);
					return null;
				}
				catch (IOException | ServletException ex) {
					throw new FilterFailure(ex);
				}
			});
		}
		catch (FilterFailure failure) {
			failure.rethrow();
		}
	}

	private static @Nullable String valid(@Nullable String value, Pattern pattern) {
		return (value != null && pattern.matcher(value).matches()) ? value : null;
	}

	/** Carries a checked exception through the context's Supplier. */
	private static final class FilterFailure extends RuntimeException {

		FilterFailure(Exception cause) {
			super(cause);
		}

		void rethrow() throws IOException, ServletException {
			if (getCause() instanceof IOException io) {
				throw io;
			}
			throw (ServletException) getCause();
		}

	}

}
