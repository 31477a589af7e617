package dev.vestline.console.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.awaitility.Awaitility;
import org.jspecify.annotations.Nullable;

import dev.vestline.testharness.launch.QuickStartJar;

/**
 * A Spring Boot application run from its executable jar as a process of its own, as the
 * local platform runs it: the console's tests run the identity provider and
 * approval-service this way, so that neither's auto-configuration (authorization server,
 * data source, Kafka) reaches the console's context.
 */
final class JarProcess implements AutoCloseable {

	private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private final String name;

	private final Path jar;

	private final Path log;

	private @Nullable Process process;

	JarProcess(String name, Path jar) {
		this.name = name;
		this.jar = jar;
		this.log = Path.of("target", "processes", name + ".log").toAbsolutePath();
	}

	/**
	 * @param module the module's directory name, e.g. {@code approval-service}
	 * @param pattern the jar's file name, e.g. {@code approval-service-.*\.jar}
	 * @return the jar the reactor built before the console's tests
	 */
	static Path jarOf(String module, String pattern) {
		Path target = Path.of("..", module, "target").toAbsolutePath().normalize();
		try (Stream<Path> files = Files.exists(target) ? Files.list(target) : Stream.empty()) {
			return files.filter((file) -> file.getFileName().toString().matches(pattern))
				.findFirst()
				.orElseThrow(() -> new IllegalStateException(
						"No jar " + pattern + " in " + target + ": build with ./mvnw -B -pl console -am verify"));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Starts it with these properties and waits until {@code ready} answers 200. */
	void start(Map<String, String> properties, URI ready) {
		List<String> arguments = new ArrayList<>();
		properties.forEach((key, value) -> arguments.add("--" + key + "=" + value));
		// extracted and with the JVM's AOT cache, as the local platform starts them
		List<String> command = QuickStartJar.of(this.jar)
			.command(List.of("-Xmx384m", "-XX:TieredStopAtLevel=1"), arguments, Map.of());
		try {
			Files.createDirectories(this.log.getParent());
			this.process = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.to(this.log.toFile()))
				.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start " + this.name, ex);
		}
		Awaitility.await(this.name + " ready (log: " + this.log + ")")
			.atMost(Duration.ofMinutes(5))
			.pollInterval(Duration.ofMillis(500))
			.until(() -> {
				if (this.process == null || !this.process.isAlive()) {
					throw new IllegalStateException(this.name + " exited during start-up: see " + this.log);
				}
				return answersOk(ready);
			});
	}

	private static boolean answersOk(URI uri) throws InterruptedException {
		try {
			return http
				.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).build(),
						HttpResponse.BodyHandlers.discarding())
				.statusCode() == 200;
		}
		catch (IOException notYet) {
			return false;
		}
	}

	/**
	 * Asks the process to stop (SIGTERM) without waiting for it: when the test JVM exits,
	 * every process is asked first and then awaited, so their graceful shutdowns overlap
	 * instead of adding up (surefire kills a fork whose exit takes longer than 30 s).
	 */
	void askToStop() {
		if (this.process != null) {
			this.process.destroy();
		}
	}

	@Override
	public void close() {
		if (this.process == null) {
			return;
		}
		this.process.destroy();
		try {
			if (!this.process.waitFor(30, TimeUnit.SECONDS)) {
				this.process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			this.process.destroyForcibly();
		}
		this.process = null;
	}

}
