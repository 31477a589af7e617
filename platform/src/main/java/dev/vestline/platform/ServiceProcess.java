package dev.vestline.platform;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
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

	/**
	 * Set from the moment a stop begins: a router stops sending to it then, as a
	 * Kubernetes Service drops a terminating pod's endpoint while the pod gets SIGTERM.
	 */
	private volatile boolean stopping;

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

	Path log() {
		return this.log;
	}

	/**
	 * @return whether the process runs and is not being stopped: a router may send to it
	 * (once its readiness says so)
	 */
	boolean serving() {
		Process running = this.process;
		return running != null && !this.stopping && running.isAlive();
	}

	/** Starts the process; {@link #awaitReady(Duration)} waits for it. */
	void start() {
		List<String> arguments = new ArrayList<>(List.of("--server.port=" + this.port));
		this.properties.forEach((name, value) -> arguments.add("--" + name + "=" + value));
		// what a pod sets: stable across this instance's restarts, unique among the
		// running ones, so a killed and restarted instance is a static group member that
		// gets its partitions back at once
		ProcessBuilder builder = ChildProcesses.springBootApplication("384m", this.jar, arguments,
				Map.of("VESTLINE_INSTANCE_ID", this.service + "-" + this.port));
		this.process = ChildProcesses.start(builder, this.log, this.service);
		this.stopping = false;
	}

	/** Waits until the readiness probe answers 200. */
	void awaitReady(Duration timeout) {
		URI readiness = URI.create(baseUrl() + "/actuator/health/readiness");
		ChildProcesses.awaitAnswering(this.service, () -> this.process, this.log, timeout,
				() -> ChildProcesses.answersOk(readiness));
	}

	/**
	 * Waits until ready, and starts the process again when it exits during start-up, up
	 * to {@code restarts} times, as a kubelet restarts a crashed container: on a machine
	 * so busy that a start-up's database connection times out, the next try gets through.
	 * A process that keeps exiting still fails.
	 * @param timeout how long each try may take
	 * @param restarts how often to start it again
	 */
	void awaitReadyRestartingCrashes(Duration timeout, int restarts) {
		for (int attempt = 0;; attempt++) {
			try {
				awaitReady(timeout);
				return;
			}
			catch (RuntimeException ex) {
				boolean exited = this.process != null && !this.process.isAlive();
				if (!exited || attempt >= restarts) {
					throw ex;
				}
				System.err.println(this.service + " on " + this.port
						+ " exited during start-up; starting it again (see " + this.log + ")");
				start();
			}
		}
	}

	/**
	 * Stops the process gracefully: SIGTERM, then up to 30 s for Spring's graceful
	 * shutdown.
	 */
	void stop() {
		this.stopping = true;
		ChildProcesses.stop(this.process, Duration.ofSeconds(30));
		this.process = null;
	}

	@Override
	public void close() {
		stop();
	}

}
