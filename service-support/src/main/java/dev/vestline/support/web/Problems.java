package dev.vestline.support.web;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/**
 * The RFC 9457 problems every service answers the same way, and how they are written
 * where no Spring MVC handler renders them: in a filter, in Spring Security's firewall
 * and entry points, in Tomcat's own error report. A problem's {@code type} is
 * {@link #TYPE_BASE} and a slug from the one catalogue
 * ({@code problem-types.properties}), documented at {@code /problems/<slug>} on every
 * service.
 */
public final class Problems {

	/** Where the problem types of all services live; a slug follows. */
	public static final String TYPE_BASE = "https://vestline.dev/problems/";

	private static final JsonMapper json = JsonMapper.builder().build();

	private Problems() {
	}

	/**
	 * @param status the status
	 * @param slug the problem type's last segment, e.g. {@code payload-too-large}
	 * @param title a short, stable summary
	 * @param detail what happened, for a person
	 * @return the problem
	 */
	public static ProblemDetail of(HttpStatus status, String slug, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(URI.create(TYPE_BASE + slug));
		problem.setTitle(title);
		return problem;
	}

	/**
	 * @param problem the problem
	 * @param headers headers the caller acts on ({@code Retry-After}, {@code ETag})
	 * @return the problem as a response, {@code application/problem+json}
	 */
	public static ResponseEntity<ProblemDetail> response(ProblemDetail problem, HttpHeaders headers) {
		return ResponseEntity.status(problem.getStatus())
			.headers(headers)
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(problem);
	}

	/**
	 * Writes the problem as the whole response, unless one was already sent.
	 * @param response the response
	 * @param problem the problem
	 * @param instance the request's path, or {@code null}
	 * @throws IOException when the client went away
	 */
	public static void write(HttpServletResponse response, ProblemDetail problem, @Nullable String instance)
			throws IOException {
		if (response.isCommitted()) {
			return;
		}
		response.resetBuffer();
		response.setStatus(problem.getStatus());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		byte[] body = toJson(problem, instance);
		response.setContentLength(body.length);
		response.getOutputStream().write(body);
		response.flushBuffer();
	}

	static byte[] toJson(ProblemDetail problem, @Nullable String instance) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("type", problem.getType().toString());
		body.put("title", problem.getTitle());
		body.put("status", problem.getStatus());
		body.put("detail", problem.getDetail());
		if (instance != null) {
			body.put("instance", instance);
		}
		if (problem.getProperties() != null) {
			body.putAll(problem.getProperties());
		}
		return json.writeValueAsBytes(body);
	}

}
