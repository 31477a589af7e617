package dev.vestline.approval.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import dev.vestline.support.security.DevTokens;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Calls the running service over HTTP, as a client would.
 */
public final class Api {

	static final JsonMapper JSON = JsonMapper.builder().build();

	private static final HttpClient HTTP = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	private final String base;

	public Api(int port) {
		this.base = "http://localhost:" + port;
	}

	public static String token(String user, String... roles) {
		return DevTokens.example().token(user, roles);
	}

	public Response get(String path, @Nullable String token) {
		return send("GET", path, token, null, Map.of());
	}

	public Response post(String path, @Nullable String token, @Nullable Object body, Map<String, String> headers) {
		String json = (body == null) ? null : (body instanceof String s) ? s : JSON.writeValueAsString(body);
		return send("POST", path, token, json, headers);
	}

	public Response post(String path, @Nullable String token, @Nullable Object body) {
		return post(path, token, body, Map.of());
	}

	public Response patch(String path, @Nullable String token, Object body, Map<String, String> headers) {
		return send("PATCH", path, token, (body instanceof String s) ? s : JSON.writeValueAsString(body), headers);
	}

	private Response send(String method, String path, @Nullable String token, @Nullable String body,
			Map<String, String> headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.base + path))
			.timeout(Duration.ofSeconds(60))
			.method(method,
					(body != null) ? HttpRequest.BodyPublishers.ofString(body) : HttpRequest.BodyPublishers.noBody());
		if (body != null) {
			request.header("Content-Type", "application/json");
		}
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		headers.forEach(request::header);
		try {
			HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
			return new Response(response.statusCode(), response.body(),
					response.headers().firstValue("ETag").orElse(null),
					response.headers().firstValue("Content-Type").orElse(""),
					response.headers().firstValue("Location").orElse(null));
		}
		catch (Exception ex) {
			throw new IllegalStateException(method + " " + path + " failed", ex);
		}
	}

	/**
	 * A response.
	 *
	 * @param status the status
	 * @param body the raw body
	 * @param etag the ETag header
	 * @param contentType the Content-Type header
	 * @param location the Location header
	 */
	public record Response(int status, String body, @Nullable String etag, String contentType,
			@Nullable String location) {

		public JsonNode json() {
			return JSON.readTree(this.body);
		}

		public String text(String field) {
			return json().path(field).asString();
		}

		public Map<String, String> ifMatch() {
			return Map.of("If-Match", (this.etag != null) ? this.etag : "");
		}

		@Override
		public String toString() {
			return this.status + " " + this.body;
		}

	}

}
