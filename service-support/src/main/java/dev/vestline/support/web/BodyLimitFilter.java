package dev.vestline.support.web;

import java.io.IOException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.server.PathContainer;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Refuses a request body larger than its path's {@link BodyLimits limit} with a 413
 * problem before it is buffered: at once when the declared {@code Content-Length} is too
 * large, and, for a body of unknown length (chunked), as soon as more bytes than the
 * limit were read, without reading the rest. Nothing later in the chain (a controller's
 * {@code byte[]}, Jackson, a signature check) ever holds more than the limit.
 */
public class BodyLimitFilter extends OncePerRequestFilter {

	private final DataSize defaultLimit;

	private final List<Map.Entry<PathPattern, DataSize>> paths;

	public BodyLimitFilter(BodyLimits limits) {
		this.defaultLimit = limits.defaultLimit();
		this.paths = limits.paths()
			.entrySet()
			.stream()
			.map((entry) -> Map.entry(PathPatternParser.defaultInstance.parse(entry.getKey()), entry.getValue()))
			.sorted(Comparator.comparing(Map.Entry::getKey, PathPattern.SPECIFICITY_COMPARATOR))
			.toList();
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		DataSize limit = limitFor(request);
		if (request.getContentLengthLong() > limit.toBytes()) {
			refuse(request, response, new BodyTooLargeException(limit));
			return;
		}
		try {
			chain.doFilter(new LimitedRequest(request, limit), response);
		}
		catch (IOException | ServletException | RuntimeException ex) {
			BodyTooLargeException tooLarge = BodyTooLargeException.in(ex);
			if (tooLarge == null || response.isCommitted()) {
				throw ex;
			}
			refuse(request, response, tooLarge);
		}
	}

	DataSize limitFor(HttpServletRequest request) {
		PathContainer path = PathContainer
			.parsePath(request.getRequestURI().substring(request.getContextPath().length()));
		return this.paths.stream()
			.filter((entry) -> entry.getKey().matches(path))
			.map(Map.Entry::getValue)
			.findFirst()
			.orElse(this.defaultLimit);
	}

	private static void refuse(HttpServletRequest request, HttpServletResponse response, BodyTooLargeException ex)
			throws IOException {
		response.setHeader(HttpHeaders.CONNECTION, "close");
		Problems.write(response, ex.getBody(), request.getRequestURI());
	}

}
