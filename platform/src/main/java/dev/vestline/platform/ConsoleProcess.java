package dev.vestline.platform;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The staff console (the {@code console} module's jar) as a process of its own on
 * 127.0.0.1, signed in through the platform's identity provider and calling the services'
 * APIs. {@code ./vestline} starts it, and the whole-subscription browser test; the other
 * platform tests drive the APIs and would only pay for one more JVM.
 */
final class ConsoleProcess implements AutoCloseable {

	/**
	 * The console's port under {@code ./vestline}: the identity provider's default
	 * redirect URI for the console names it
	 * ({@code vestline.identity.console-redirect-uris}).
	 */
	static final int PORT = 8090;

	private final int port;

	private final Path jar;

	private final Path log;

	private @Nullable Process process;

	ConsoleProcess(Path repository, Path logs, int port) {
		this.port = port;
		this.jar = ChildProcesses.jar(repository, "console", "console-[^-]*(-SNAPSHOT)?\\.jar");
		this.log = logs.resolve("console.log");
	}

	/** The address a person opens: the host the provider sends them back to. */
	String url() {
		return url(this.port);
	}

	/** The address a person opens for a console on this port. */
	static String url(int port) {
		return "http://127.0.0.1:" + port;
	}

	/**
	 * Starts the console and waits until it is ready.
	 * @param issuer the identity provider
	 * @param services each service's base URL (its router's, with replicas) by its name
	 * @param kafka the broker the services publish on, which the console's live updates
	 * read
	 * @param timeout how long to wait
	 */
	void start(String issuer, Map<String, String> services, String kafka, Duration timeout) {
		List<String> arguments = new ArrayList<>(List.of("--server.address=127.0.0.1", "--server.port=" + this.port,
				"--spring.security.oauth2.client.provider.vestline.issuer-uri=" + issuer,
				"--spring.kafka.bootstrap-servers=" + kafka));
		services.forEach((service, url) -> arguments.add("--vestline.console.services." + service + "=" + url));
		this.process = ChildProcesses.start(ChildProcesses.springBootApplication("256m", this.jar, arguments, Map.of()),
				this.log, "the console");
		URI readiness = URI.create(url() + "/actuator/health/readiness");
		ChildProcesses.awaitAnswering("the console", () -> this.process, this.log, timeout,
				() -> ChildProcesses.answersOk(readiness));
	}

	@Override
	public void close() {
		ChildProcesses.stop(this.process, Duration.ofSeconds(30));
		this.process = null;
	}

}
