package dev.vestline.fuzz;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What an answer must be: never a 5xx; every 4xx an RFC 9457 problem with a {@code title}
 * and the answer's {@code status} (and a {@code type}, or none, which the RFC reads as
 * {@code about:blank}).
 */
final class Verdict {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private Verdict() {
	}

	static Optional<String> of(HttpResponse<byte[]> response) {
		int status = response.statusCode();
		if (status >= 500) {
			return Optional.of(status + " server error");
		}
		if (status < 400) {
			return Optional.empty();
		}
		String contentType = contentType(response);
		if (!contentType.startsWith("application/problem+json")) {
			return Optional.of(status + " not a problem (" + contentType + ")");
		}
		try {
			JsonNode problem = JSON.readTree(response.body());
			// no type is RFC 9457's about:blank (Spring leaves it out); a type must be a
			// string
			boolean typed = !problem.has("type") || problem.path("type").isString();
			if (!typed || !problem.path("title").isString() || problem.path("status").asInt() != status) {
				return Optional.of(status + " problem without title or its status");
			}
		}
		catch (JacksonException ex) {
			return Optional.of(status + " problem that is not JSON");
		}
		return Optional.empty();
	}

	static String contentType(HttpResponse<byte[]> response) {
		return response.headers().firstValue("Content-Type").orElse("(no content type)");
	}

	static String body(HttpResponse<byte[]> response) {
		return new String(response.body(), StandardCharsets.UTF_8);
	}

}
