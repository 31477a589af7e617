package dev.vestline.platform;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * What the local platform runs with, from command-line flags and environment variables.
 *
 * @param home where state and logs live ({@code .vestline/} in the repository)
 * @param repository the repository root, where the services' jars are built
 * @param postgresUrl an existing PostgreSQL server's JDBC URL (a database on it), or
 * {@code null} to run embedded PostgreSQL
 * @param postgresUser a role on that server that may create roles and schemas
 * @param postgresPassword its password
 * @param ports the fixed ports: postgres, kafka, kafka-controller, tokens, and each
 * service
 * @param demo whether to run the lifecycle demo once everything is up
 */
record PlatformOptions(Path home, Path repository, @Nullable String postgresUrl, String postgresUser,
		String postgresPassword, Map<String, Integer> ports, boolean demo) {

	/** The services, in start order, with their fixed ports. */
	static final Map<String, Integer> SERVICES = Map.of("approval", 8081, "signature", 8082, "billing", 8083,
			"reconciliation", 8084);

	static final List<String> SERVICE_ORDER = List.of("approval", "signature", "billing", "reconciliation");

	static PlatformOptions parse(String[] args, Map<String, String> env) {
		Path repository = Path.of(env.getOrDefault("VESTLINE_REPOSITORY", ".")).toAbsolutePath().normalize();
		boolean demo = List.of(args).contains("--demo");
		Map<String, Integer> ports = Map.of("postgres", 5433, "kafka", 9092, "kafka-controller", 9093, "tokens", 8080,
				"approval", 8081, "signature", 8082, "billing", 8083, "reconciliation", 8084);
		return new PlatformOptions(repository.resolve(".vestline"), repository, env.get("VESTLINE_POSTGRES_URL"),
				env.getOrDefault("VESTLINE_POSTGRES_USER", "postgres"),
				env.getOrDefault("VESTLINE_POSTGRES_PASSWORD", "postgres"), ports, demo);
	}

	int port(String name) {
		return this.ports.get(name);
	}

}
