package dev.vestline.platform;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * What the platform does with each process it starts (a service, the identity provider,
 * the mail server): asks whether it answers yet, and stops it gracefully.
 */
final class ChildProcesses {

	private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private ChildProcesses() {
	}

	/**
	 * @param uri a health or discovery URL
	 * @return whether it answers 200 now; {@code false} while nothing listens
	 */
	static boolean answersOk(URI uri) throws InterruptedException {
		try {
			return http
				.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(2)).build(),
						HttpResponse.BodyHandlers.discarding())
				.statusCode() == 200;
		}
		catch (IOException notYet) {
			return false; // not listening yet
		}
	}

	/**
	 * SIGTERM, then the grace period for the process's own shutdown, then SIGKILL.
	 * @param process the process, or {@code null} when it never started
	 * @param grace how long its graceful shutdown may take
	 */
	static void stop(Process process, Duration grace) {
		if (process == null) {
			return;
		}
		process.destroy();
		try {
			if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
				process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			process.destroyForcibly();
		}
	}

}
