package dev.vestline.testharness;

import java.util.HashMap;
import java.util.Map;

/**
 * Starts the same real infrastructure the tests use, for running one service on a
 * developer's machine without Docker:
 * {@code ./mvnw -pl approval-service spring-boot:test-run}.
 */
public final class DevInfrastructure {

	private DevInfrastructure() {
	}

	/**
	 * Starts embedded PostgreSQL (a fresh database with the service's schema and role)
	 * and a Kafka broker, both stopped when the JVM exits.
	 * @param service the service's schema and role
	 * @return the Spring properties that point the service at them, and the development
	 * shared secret of the tests' tokens
	 */
	public static Map<String, Object> start(String service) {
		PostgresCluster postgres = PostgresCluster.shared();
		ServiceDatabase database = postgres.provision(postgres.createDatabase(), service);
		KafkaBroker kafka = KafkaBroker.start();
		Runtime.getRuntime().addShutdownHook(new Thread(kafka::close));
		Map<String, Object> properties = Map.of("spring.datasource.url", database.jdbcUrl(),
				"spring.datasource.username", database.username(), "spring.datasource.password", database.password(),
				"spring.kafka.bootstrap-servers", kafka.bootstrapServers());
		properties.forEach((name, value) -> System.setProperty(name, value.toString()));
		// tokens as the tests mint them (DevTokens), unless the run names an identity
		// provider; a default property, so the command line overrides it
		Map<String, Object> withTokens = new HashMap<>(properties);
		withTokens.put("vestline.security.jwt.dev-shared-secret",
				RealInfrastructureContextCustomizerFactory.Customizer.DEV_SHARED_SECRET);
		return withTokens;
	}

}
