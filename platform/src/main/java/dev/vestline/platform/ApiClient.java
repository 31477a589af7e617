package dev.vestline.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Calls the services' public HTTP APIs as one caller of the platform would: a bearer
 * token from the dev token issuer, the flow's {@code X-Correlation-Id} on every request,
 * and a fresh {@code Idempotency-Key} on every creating POST.
 */
final class ApiClient {

	/** Amounts keep their scale: 2500.00 stays 2500.00, never a double. */
	private static final JsonMapper json = JsonMapper.builder()
		.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
		.disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
		.build();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final Map<String, String> baseUrls;

	private final String correlationId;

	ApiClient(Map<String, String> baseUrls, String correlationId) {
		this.baseUrls = baseUrls;
		this.correlationId = correlationId;
	}

	String correlationId() {
		return this.correlationId;
	}

	Call call(String service, String method, String path) {
		return new Call(service, method, path);
	}

	static JsonNode parse(byte[] body) {
		return (body.length == 0) ? json.nullNode() : json.readTree(body);
	}

	static String write(Object body) {
		return json.writeValueAsString(body);
	}

	/** One request being built. */
	final class Call {

		private final HttpRequest.Builder request;

		private final String method;

		private final String target;

		private HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.noBody();

		private Call(String service, String method, String path) {
			this.method = method;
			this.target = service + " " + method + " " + path;
			this.request = HttpRequest.newBuilder(URI.create(ApiClient.this.baseUrls.get(service) + path))
				.timeout(Duration.ofSeconds(60))
				.header("X-Correlation-Id", ApiClient.this.correlationId);
		}

		Call as(@Nullable String token) {
			if (token != null) {
				this.request.header("Authorization", "Bearer " + token);
			}
			return this;
		}

		Call header(String name, String value) {
			this.request.header(name, value);
			return this;
		}

		Call ifMatch(String etag) {
			return header("If-Match", etag);
		}

		Call idempotent() {
			return header("Idempotency-Key", UUID.randomUUID().toString());
		}

		Call json(Object body) {
			this.request.header("Content-Type", "application/json");
			this.body = HttpRequest.BodyPublishers.ofString(write(body));
			return this;
		}

		Call xml(String document) {
			this.request.header("Content-Type", "application/xml");
			this.body = HttpRequest.BodyPublishers.ofString(document);
			return this;
		}

		/** Sends the request; any status is returned. */
		Answer send() {
			try {
				HttpResponse<byte[]> response = ApiClient.this.http
					.send(this.request.method(this.method, this.body).build(), HttpResponse.BodyHandlers.ofByteArray());
				return new Answer(this.target, response.statusCode(), response.headers().firstValue("ETag").orElse(""),
						response.headers().firstValue("Retry-After").orElse(null), response.body());
			}
			catch (IOException ex) {
				throw new UncheckedIOException(this.target + " failed", ex);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(this.target + " interrupted", ex);
			}
		}

		/** Sends the request and insists on a 2xx answer. */
		Answer ok() {
			Answer answer = send();
			if (answer.status() / 100 != 2) {
				throw new IllegalStateException(
						answer.target() + " answered " + answer.status() + ": " + answer.text());
			}
			return answer;
		}

	}

	/**
	 * A service's answer.
	 *
	 * @param target what was called
	 * @param status the HTTP status
	 * @param etag the {@code ETag} header, or empty
	 * @param retryAfter the {@code Retry-After} header, if any
	 * @param bytes the body
	 */
	record Answer(String target, int status, String etag, @Nullable String retryAfter, byte[] bytes) {

		JsonNode body() {
			return parse(this.bytes);
		}

		String text() {
			return new String(this.bytes, java.nio.charset.StandardCharsets.UTF_8);
		}

	}

}
