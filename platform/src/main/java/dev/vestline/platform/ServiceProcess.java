package dev.vestline.platform;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * One service running as a process of its own from its Spring Boot jar, as it would in
 * production: started, awaited until ready, stopped gracefully (SIGTERM), restarted.
 */
final class ServiceProcess implements AutoCloseable {

	private final String service;

	private final int port;

	private final Path jar;

	private final Path log;

	private final Map<String, String> properties;

	private @Nullable Process process;

	ServiceProcess(String service, int port, Path repository, Path logs, Map<String, String> properties) {
		this(service, ChildProcesses.jar(repository, service + "-service", service + "-service-.*\\.jar"), port,
				logs.resolve(service + ".log"), properties);
	}

	private ServiceProcess(String service, Path jar, int port, Path log, Map<String, String> properties) {
		this.service = service;
		this.port = port;
		this.jar = jar;
		this.log = log;
		this.properties = properties;
	}

	/**
	 * Another instance of the same service, as a second replica would run: the same jar,
	 * schema and broker, its own port and log. Not started yet.
	 * @param port its HTTP port
	 * @return the new instance
	 */
	ServiceProcess anotherInstance(int port) {
		return new ServiceProcess(this.service, this.jar, port,
				this.log.resolveSibling(this.service + "-" + port + ".log"), this.properties);
	}

	/**
	 * @return the running process's id, for tests that signal it (SIGSTOP, SIGKILL)
	 */
	long pid() {
		if (this.process == null) {
			throw new IllegalStateException(this.service + " is not running");
		}
		return this.process.pid();
	}

	String service() {
		return this.service;
	}

	String baseUrl() {
		return "http://localhost:" + this.port;
	}

	/** Starts the process; {@link #awaitReady(Duration)} waits for it. */
	void start() {
		List<String> command = ChildProcesses.java("384m", this.jar);
		command.add("--server.port=" + this.port);
		this.properties.forEach((name, value) -> command.add("--" + name + "=" + value));
		// stable across this instance's restarts, unique among the running ones: a killed
		// and restarted instance is a static group member that gets its partitions back
		// at once
		command.add("--vestline.messaging.consumer.instance-id=" + this.service + "-" + this.port);
		this.process = ChildProcesses.start(new ProcessBuilder(command), this.log, this.service);
	}

	/** Waits until the readiness probe answers 200. */
	void awaitReady(Duration timeout) {
		URI readiness = URI.create(baseUrl() + "/actuator/health/readiness");
		ChildProcesses.awaitAnswering(this.service, () -> this.process, this.log, timeout,
				() -> ChildProcesses.answersOk(readiness));
	}

	/**
	 * Stops the process gracefully: SIGTERM, then up to 30 s for Spring's graceful
	 * shutdown.
	 */
	void stop() {
		ChildProcesses.stop(this.process, Duration.ofSeconds(30));
		this.process = null;
	}

	@Override
	public void close() {
		stop();
	}

}
