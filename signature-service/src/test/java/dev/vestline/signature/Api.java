package dev.vestline.signature;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Calls the running service over HTTP, as a signer or a staff member would.
 */
public final class Api {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final String base;

	public Api(int port) {
		this.base = "http://localhost:" + port;
	}

	public Response get(String path, String... headers) {
		return send(HttpRequest.newBuilder(URI.create(this.base + path)).GET(), headers);
	}

	public Response post(String path, String json, String... headers) {
		return send(HttpRequest.newBuilder(URI.create(this.base + path))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json)), headers);
	}

	public Response put(String path, String json, String... headers) {
		return send(HttpRequest.newBuilder(URI.create(this.base + path))
			.header("Content-Type", "application/json")
			.PUT(HttpRequest.BodyPublishers.ofString(json)), headers);
	}

	private Response send(HttpRequest.Builder request, String... headers) {
		if (headers.length > 0) {
			request.headers(headers);
		}
		try {
			return new Response(this.http.send(request.timeout(Duration.ofSeconds(60)).build(),
					HttpResponse.BodyHandlers.ofByteArray()));
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
	 * An answer.
	 *
	 * @param raw the HTTP response
	 */
	public record Response(HttpResponse<byte[]> raw) {

		public int status() {
			return this.raw.statusCode();
		}

		public byte[] bytes() {
			return this.raw.body();
		}

		public String text() {
			return new String(this.raw.body(), java.nio.charset.StandardCharsets.UTF_8);
		}

		public JsonNode json() {
			return JSON.readTree(this.raw.body());
		}

		public String header(String name) {
			return this.raw.headers().firstValue(name).orElse(null);
		}

		@Override
		public String toString() {
			return status() + " " + text();
		}

	}

}
