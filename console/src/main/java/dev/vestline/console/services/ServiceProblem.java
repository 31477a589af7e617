package dev.vestline.console.services;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpRequest;
import org.springframework.http.client.ClientHttpResponse;

/**
 * A service answered with an RFC 9457 problem (or at least an error status): what the
 * pages need to explain it in words.
 */
public class ServiceProblem extends RuntimeException {

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final String TYPE_PREFIX = "https://vestline.dev/problems/";

	private final int status;

	private final String slug;

	private final String title;

	private final String detail;

	private final List<FieldError> errors;

	public ServiceProblem(int status, String slug, String title, String detail, List<FieldError> errors) {
		super(status + " " + slug + ": " + detail);
		this.status = status;
		this.slug = slug;
		this.title = title;
		this.detail = detail;
		this.errors = List.copyOf(errors);
	}

	/**
	 * Reads an error answer as its problem; for calls that handle the answer themselves
	 * (a streamed download).
	 * @throws ServiceProblem always
	 */
	public static void read(HttpRequest request, ClientHttpResponse response) throws IOException {
		int status = response.getStatusCode().value();
		JsonNode problem = parse(response.getBody().readAllBytes());
		String type = problem.path("type").asString("");
		List<FieldError> errors = new ArrayList<>();
		problem.path("errors")
			.forEach((error) -> errors
				.add(new FieldError(error.path("field").asString(""), error.path("message").asString(""))));
		throw new ServiceProblem(status, type.startsWith(TYPE_PREFIX) ? type.substring(TYPE_PREFIX.length()) : type,
				problem.path("title").asString(response.getStatusText()), problem.path("detail").asString(""), errors);
	}

	private static JsonNode parse(byte[] body) {
		try {
			return json.readTree(body);
		}
		catch (RuntimeException notJson) {
			return json.createObjectNode();
		}
	}

	public int status() {
		return this.status;
	}

	/**
	 * Throws this problem on, to the error pages that explain it, unless its status is
	 * one the calling form shows beside its fields (a refusal, a lost race, a stale
	 * view).
	 * @param shownOnTheForm the statuses the form shows
	 */
	public void rethrowUnlessStatusIn(int... shownOnTheForm) {
		for (int shown : shownOnTheForm) {
			if (shown == this.status) {
				return;
			}
		}
		throw this;
	}

	/** The problem type's last segment, e.g. {@code lost-race}. */
	public String slug() {
		return this.slug;
	}

	public String title() {
		return this.title;
	}

	public String detail() {
		return this.detail;
	}

	public List<FieldError> errors() {
		return this.errors;
	}

	public @Nullable String errorFor(String field) {
		return this.errors.stream()
			.filter((error) -> error.field().equals(field))
			.map(FieldError::message)
			.findFirst()
			.orElse(null);
	}

	/**
	 * A field the service refused.
	 *
	 * @param field its name
	 * @param message what is wrong
	 */
	public record FieldError(String field, String message) {
	}

}
