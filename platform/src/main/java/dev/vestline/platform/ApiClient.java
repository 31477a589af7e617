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
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;

import org.awaitility.Awaitility;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Calls the services' public HTTP APIs as one caller of the platform would: a bearer
 * token from the dev token issuer, the flow's {@code X-Correlation-Id} on every request,
 * and a fresh {@code Idempotency-Key} on every creating POST. A 503 with
 * {@code Retry-After} is retried after the time it asks for, the same request again (same
 * {@code Idempotency-Key}, same {@code If-Match}), as the services ask callers to.
 */
final class ApiClient {

	/** Amounts keep their scale: 2500.00 stays 2500.00, never a double. */
	private static final JsonMapper json = JsonMapper.builder()
		.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
		.disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
		.build();

	/** How long a caller keeps retrying a 503 with {@code Retry-After}. */
	static final Duration RETRY_PATIENCE = Duration.ofMinutes(5);

	/** One client for every flow: a load of many flows shares its connections. */
	private static final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	private final Map<String, String> baseUrls;

	private final String correlationId;

	private final BiConsumer<Answer, Duration> observer;

	ApiClient(Map<String, String> baseUrls, String correlationId) {
		this(baseUrls, correlationId, (answer, took) -> {
		});
	}

	/**
	 * @param baseUrls the services' base URLs, by name
	 * @param correlationId the flow's
	 * @param observer sees every answer (each retry too) and the time it took
	 */
	ApiClient(Map<String, String> baseUrls, String correlationId, BiConsumer<Answer, Duration> observer) {
		this.baseUrls = baseUrls;
		this.correlationId = correlationId;
		this.observer = observer;
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
			long start = System.nanoTime();
			try {
				HttpResponse<byte[]> response = http.send(this.request.method(this.method, this.body).build(),
						HttpResponse.BodyHandlers.ofByteArray());
				Answer answer = new Answer(this.target, response.statusCode(),
						response.headers().firstValue("ETag").orElse(""),
						response.headers().firstValue("Retry-After").orElse(null), response.body());
				ApiClient.this.observer.accept(answer, Duration.ofNanos(System.nanoTime() - start));
				return answer;
			}
			catch (IOException ex) {
				throw new UncheckedIOException(this.target + " failed", ex);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(this.target + " interrupted", ex);
			}
		}

		/**
		 * Sends the request, again after each 503 with {@code Retry-After} (for up to
		 * {@link #RETRY_PATIENCE}), and insists on a 2xx answer.
		 */
		Answer ok() {
			Answer answer = retried(send());
			if (answer.status() / 100 != 2) {
				throw new IllegalStateException(
						answer.target() + " answered " + answer.status() + ": " + answer.text());
			}
			return answer;
		}

		/**
		 * @param first the request's first answer
		 * @return it, or, when it asked to retry, the first answer of the retries that
		 * does not (503 with {@code Retry-After})
		 */
		Answer retried(Answer first) {
			AtomicReference<Answer> last = new AtomicReference<>(first);
			if (last.get().askedToRetry()) {
				Awaitility.await(this.target + " answered other than 503 (last: " + last.get().status() + ")")
					.atMost(RETRY_PATIENCE)
					.pollInSameThread()
					.pollDelay(last.get().retryDelay())
					.pollInterval((count, previous) -> last.get().retryDelay())
					.until(() -> {
						last.set(send());
						return !last.get().askedToRetry();
					});
			}
			return last.get();
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

		/** A 503 with {@code Retry-After}: the service asks to be asked again. */
		boolean askedToRetry() {
			return this.status == 503 && this.retryAfter != null;
		}

		/** The {@code Retry-After} seconds, 1 to 10 (1 when it is a date). */
		Duration retryDelay() {
			try {
				return Duration.ofSeconds(Math.clamp(Long.parseLong(String.valueOf(this.retryAfter).strip()), 1, 10));
			}
			catch (NumberFormatException date) {
				return Duration.ofSeconds(1);
			}
		}

	}

}
