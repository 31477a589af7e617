package dev.vestline.reconciliation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import dev.vestline.support.security.DevTokens;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Calls the running service over HTTP with dev tokens, and answers status, headers and
 * JSON without throwing on 4xx, so tests can assert problems.
 */
public final class Api {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final DevTokens TOKENS = DevTokens.example();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final String base;

	public Api(int port) {
		this.base = "http://localhost:" + port;
	}

	public static String token(String user, String... roles) {
		return TOKENS.token(user, roles);
	}

	public Response get(String path, @Nullable String token) {
		return send(request(path, token).GET());
	}

	public Response post(String path, @Nullable String token, String contentType, byte[] body, String... headers) {
		HttpRequest.Builder request = request(path, token).header("Content-Type", contentType)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body));
		for (int i = 0; i < headers.length; i += 2) {
			request.header(headers[i], headers[i + 1]);
		}
		return send(request);
	}

	public Response postJson(String path, @Nullable String token, String json, String... headers) {
		return post(path, token, "application/json", json.getBytes(java.nio.charset.StandardCharsets.UTF_8), headers);
	}

	public Response put(String path, @Nullable String token, String json) {
		return send(request(path, token).header("Content-Type", "application/json")
			.PUT(HttpRequest.BodyPublishers.ofString(json)));
	}

	private HttpRequest.Builder request(String path, @Nullable String token) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.base + path))
			.timeout(Duration.ofSeconds(60));
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return request;
	}

	private Response send(HttpRequest.Builder request) {
		try {
			HttpResponse<String> response = this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
			return new Response(response.statusCode(), response.headers(), response.body());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * An HTTP answer.
	 *
	 * @param status the status code
	 * @param headers the headers
	 * @param body the body text
	 */
	public record Response(int status, java.net.http.HttpHeaders headers, String body) {

		public JsonNode json() {
			return JSON.readTree(this.body);
		}

		public @Nullable String header(String name) {
			return this.headers.firstValue(name).orElse(null);
		}

		@Override
		public String toString() {
			return this.status + " " + this.body;
		}

	}

}
