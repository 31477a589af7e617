package dev.vestline.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import org.awaitility.Awaitility;
import org.jspecify.annotations.Nullable;

/**
 * The staff console (the {@code console} module's jar) as a process of its own on
 * 127.0.0.1, signed in through the platform's identity provider and calling the services'
 * APIs. Only {@code ./vestline} starts it, not the platform's tests: they drive the APIs
 * and would only pay for one more JVM.
 */
final class ConsoleProcess implements AutoCloseable {

	/**
	 * The console's port: the identity provider's default redirect URI for the console
	 * names it ({@code vestline.identity.console-redirect-uris}).
	 */
	static final int PORT = 8090;

	private final Path jar;

	private final Path log;

	private @Nullable Process process;

	ConsoleProcess(Path repository, Path logs) {
		this.jar = jarOf(repository);
		this.log = logs.resolve("console.log");
	}

	/** The address a person opens: the host the provider sends them back to. */
	String url() {
		return "http://127.0.0.1:" + PORT;
	}

	/**
	 * Starts the console and waits until it is ready.
	 * @param issuer the identity provider
	 * @param approvalUrl approval-service's base URL
	 * @param timeout how long to wait
	 */
	void start(String issuer, String approvalUrl, Duration timeout) {
		List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
				"-XX:TieredStopAtLevel=1", "-jar", this.jar.toString(), "--server.address=127.0.0.1",
				"--server.port=" + PORT, "--spring.security.oauth2.client.provider.vestline.issuer-uri=" + issuer,
				"--vestline.console.services.approval=" + approvalUrl);
		try {
			Files.createDirectories(this.log.getParent());
			this.process = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.appendTo(this.log.toFile()))
				.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start the console", ex);
		}
		URI readiness = URI.create(url() + "/actuator/health/readiness");
		Awaitility.await("console ready (log: " + this.log + ")")
			.atMost(timeout)
			.pollInterval(Duration.ofMillis(250))
			.until(() -> {
				if (this.process == null || !this.process.isAlive()) {
					throw new IllegalStateException("The console exited during start-up: see " + this.log);
				}
				return ChildProcesses.answersOk(readiness);
			});
	}

	@Override
	public void close() {
		ChildProcesses.stop(this.process, Duration.ofSeconds(30));
		this.process = null;
	}

	private static Path jarOf(Path repository) {
		Path target = repository.resolve("console").resolve("target");
		try (Stream<Path> files = Files.exists(target) ? Files.list(target) : Stream.empty()) {
			return files.filter((f) -> f.getFileName().toString().matches("console-[^-]*(-SNAPSHOT)?\\.jar"))
				.findFirst()
				.orElseThrow(() -> new IllegalStateException(
						"No jar of the console in " + target + ": build it with ./mvnw -B install -DskipTests"));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
