package dev.vestline.platform;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import dev.vestline.testharness.FreePorts;

/**
 * What the local platform runs with, from command-line flags and environment variables.
 *
 * @param home where state and logs live ({@code .vestline/} in the repository)
 * @param repository the repository root, where the services' jars are built
 * @param postgresUrl an existing PostgreSQL server's JDBC URL (a database on it), or
 * {@code null} to run embedded PostgreSQL
 * @param postgresUser a role on that server that may create roles and schemas
 * @param postgresPassword its password
 * @param ports the fixed ports: postgres, kafka, kafka-controller, identity, and each
 * service
 * @param demo whether to run the lifecycle demo once everything is up
 * @param fresh whether to throw away the state of earlier runs (the database and the
 * broker's data, together) instead of carrying on with it
 * @param serviceProperties extra Spring properties per service (e.g. faster scheduled
 * checks in tests), by service name
 * @param replicas processes per service; above 1 a {@link ReplicaRouter} takes the
 * service's port and the replicas run on ports {@code <service>-<n>}
 */
record PlatformOptions(Path home, Path repository, @Nullable String postgresUrl, String postgresUser,
		String postgresPassword, Map<String, Integer> ports, boolean demo, boolean fresh,
		Map<String, Map<String, String>> serviceProperties, int replicas) {

	/** At most this many replicas per service: their ports are the service's + 1000 n. */
	static final int MAX_REPLICAS = 9;

	PlatformOptions {
		if (replicas < 1 || replicas > MAX_REPLICAS) {
			throw new IllegalArgumentException(
					"--replicas must be between 1 and " + MAX_REPLICAS + ", not " + replicas);
		}
	}

	PlatformOptions(Path home, Path repository, @Nullable String postgresUrl, String postgresUser,
			String postgresPassword, Map<String, Integer> ports, boolean demo, boolean fresh,
			Map<String, Map<String, String>> serviceProperties) {
		this(home, repository, postgresUrl, postgresUser, postgresPassword, ports, demo, fresh, serviceProperties, 1);
	}

	/** The services, in start order, with their fixed ports. */
	static final Map<String, Integer> SERVICES = Map.of("approval", 8081, "signature", 8082, "billing", 8083,
			"reconciliation", 8084);

	static final List<String> SERVICE_ORDER = List.of("approval", "signature", "billing", "reconciliation");

	static PlatformOptions parse(String[] args, Map<String, String> env) {
		Path repository = Path.of(env.getOrDefault("VESTLINE_REPOSITORY", ".")).toAbsolutePath().normalize();
		boolean demo = List.of(args).contains("--demo");
		boolean fresh = List.of(args).contains("--fresh");
		Map<String, Integer> ports = new LinkedHashMap<>(Map.of("postgres", 5433, "kafka", 9092, "kafka-controller",
				9093, "identity", 9000, "approval", 8081, "signature", 8082, "billing", 8083, "reconciliation", 8084));
		ports.putAll(Map.of("mail-smtp", 2525, "mail-imap", 2143, "mail-web", 8025)); // LocalMailServer
		ports.put("console", ConsoleProcess.PORT);
		int replicas = replicas(List.of(args));
		for (String service : SERVICE_ORDER) {
			for (int replica = 1; replica <= replicas && replicas > 1; replica++) {
				ports.put(service + "-" + replica, ports.get(service) + 1000 * replica); // 9081,
																							// 10081,
																							// ...
			}
		}
		return new PlatformOptions(repository.resolve(".vestline"), repository, env.get("VESTLINE_POSTGRES_URL"),
				env.getOrDefault("VESTLINE_POSTGRES_USER", "postgres"),
				env.getOrDefault("VESTLINE_POSTGRES_PASSWORD", "postgres"), ports, demo, fresh, Map.of(), replicas);
	}

	/** {@code --replicas N} or {@code --replicas=N}; 1 without. */
	private static int replicas(List<String> args) {
		for (int i = 0; i < args.size(); i++) {
			if (args.get(i).startsWith("--replicas=")) {
				return Integer.parseInt(args.get(i).substring("--replicas=".length()));
			}
			if (args.get(i).equals("--replicas") && i + 1 < args.size()) {
				return Integer.parseInt(args.get(i + 1));
			}
		}
		return 1;
	}

	/**
	 * The same options with N replicas of every service, each on a free port.
	 * @param count processes per service
	 * @return the options
	 */
	PlatformOptions withReplicas(int count) {
		Map<String, Integer> withReplicas = new LinkedHashMap<>(this.ports);
		for (String service : SERVICE_ORDER) {
			for (int replica = 1; replica <= count; replica++) {
				withReplicas.putIfAbsent(service + "-" + replica, FreePorts.pick());
			}
		}
		return new PlatformOptions(this.home, this.repository, this.postgresUrl, this.postgresUser,
				this.postgresPassword, withReplicas, this.demo, this.fresh, this.serviceProperties, count);
	}

	/**
	 * Options for a test: free ports, a home of its own, embedded PostgreSQL, so it never
	 * collides with a running {@code ./vestline}.
	 * @param home a fresh directory for state and logs
	 * @param repository the repository root, where the services' jars are built
	 * @param serviceProperties extra Spring properties per service
	 * @return the options
	 */
	static PlatformOptions forTests(Path home, Path repository, Map<String, Map<String, String>> serviceProperties) {
		Map<String, Integer> ports = new LinkedHashMap<>();
		for (String name : List.of("postgres", "kafka", "kafka-controller", "identity", "approval", "signature",
				"billing", "reconciliation", "mail-smtp", "mail-imap", "mail-web", "console")) {
			ports.put(name, FreePorts.pick());
		}
		return new PlatformOptions(home, repository, null, "postgres", "postgres", ports, false, false,
				serviceProperties);
	}

	int port(String name) {
		return this.ports.get(name);
	}

	/**
	 * @return the staff console's port: the identity provider must know it before the
	 * console starts (its redirect URI)
	 */
	int consolePort() {
		return this.ports.getOrDefault("console", ConsoleProcess.PORT);
	}

	/**
	 * @param service e.g. {@code billing}
	 * @param replica 1 to {@link #replicas()}
	 * @return that replica's own port
	 */
	int replicaPort(String service, int replica) {
		return this.ports.get(service + "-" + replica);
	}

}
