package dev.vestline.platform;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * One request whose answer (or the lack of one) is the observation: status, time to
 * answer and {@code Retry-After}, never an exception.
 */
final class Probe {

	private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private Probe() {
	}

	/**
	 * @param url what to ask
	 * @param token a bearer token, or {@code null}
	 * @param patience how long the caller waits at most
	 * @return the answer; status {@code 0} when none came in time or the connection
	 * failed
	 */
	static Answer get(String url, @Nullable String token, Duration patience) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(patience).GET();
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		long start = System.nanoTime();
		try {
			HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
			return new Answer(url, response.statusCode(), elapsed(start),
					response.headers().firstValue("Retry-After").orElse(null), response.body());
		}
		catch (HttpTimeoutException ex) {
			return new Answer(url, 0, elapsed(start), null, "no answer within " + patience);
		}
		catch (IOException ex) {
			return new Answer(url, 0, elapsed(start), null, ex.toString());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static Duration elapsed(long start) {
		return Duration.ofNanos(System.nanoTime() - start);
	}

	/**
	 * What came back.
	 *
	 * @param url what was asked
	 * @param status the HTTP status, {@code 0} for no answer
	 * @param took how long it took
	 * @param retryAfter the {@code Retry-After} header, if any
	 * @param body the body, or why there was none
	 */
	record Answer(String url, int status, Duration took, @Nullable String retryAfter, String body) {

		@Override
		public String toString() {
			return "%s -> %s in %d ms%s".formatted(this.url, (this.status != 0) ? this.status : "no answer",
					this.took.toMillis(), (this.retryAfter != null) ? ", Retry-After " + this.retryAfter : "");
		}

	}

}
