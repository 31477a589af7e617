package dev.vestline.platform;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The processes of one service: one on the service's usual port, or, with
 * {@code --replicas N} (N > 1), N on ports of their own behind a {@link ReplicaRouter} on
 * the usual port, each its own Kafka static group member ({@code VESTLINE_INSTANCE_ID}).
 */
final class ServiceReplicas implements AutoCloseable {

	private final String service;

	private final int port;

	private final List<ServiceProcess> processes;

	private @Nullable ReplicaRouter router;

	private ServiceReplicas(String service, int port, List<ServiceProcess> processes) {
		this.service = service;
		this.port = port;
		this.processes = List.copyOf(processes);
	}

	/**
	 * @param service e.g. {@code billing}
	 * @param options how many replicas, on which ports
	 * @param properties the service's Spring properties
	 * @return the replicas, not started yet
	 */
	static ServiceReplicas of(String service, PlatformOptions options, Map<String, String> properties) {
		Path logs = options.home().resolve("logs");
		int port = options.port(service);
		if (options.replicas() == 1) {
			return new ServiceReplicas(service, port,
					List.of(new ServiceProcess(service, port, options.repository(), logs, properties)));
		}
		ServiceProcess first = new ServiceProcess(service, options.replicaPort(service, 1), options.repository(), logs,
				properties);
		List<ServiceProcess> processes = new ArrayList<>(List.of(first));
		for (int replica = 2; replica <= options.replicas(); replica++) {
			processes.add(first.anotherInstance(options.replicaPort(service, replica)));
		}
		return new ServiceReplicas(service, port, processes);
	}

	/**
	 * Starts one replica, and the router first (it answers 503 until a replica is ready).
	 * @param replica 1 to N
	 * @return the replica's process, starting
	 */
	ServiceProcess start(int replica) {
		if (this.processes.size() > 1 && this.router == null) {
			this.router = ReplicaRouter.start(this.service, this.port,
					this.processes.stream().map(Replica::of).toList());
		}
		ServiceProcess process = replica(replica);
		process.start();
		return process;
	}

	List<ServiceProcess> processes() {
		return this.processes;
	}

	/**
	 * @param replica 1 to N
	 * @return that replica's process
	 */
	ServiceProcess replica(int replica) {
		return this.processes.get(replica - 1);
	}

	/**
	 * @return where callers reach the service: the router, or the one process
	 */
	String baseUrl() {
		return "http://localhost:" + this.port;
	}

	/**
	 * @return what the router did, or {@code null} without one
	 */
	ReplicaRouter.@Nullable Counts routed() {
		return (this.router != null) ? this.router.counts() : null;
	}

	/** Stops the router, then every replica (SIGTERM). */
	@Override
	public void close() {
		if (this.router != null) {
			this.router.close();
			this.router = null;
		}
		this.processes.forEach(ServiceProcess::stop);
	}

}
