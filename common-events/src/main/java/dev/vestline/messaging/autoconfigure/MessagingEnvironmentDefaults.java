package dev.vestline.messaging.autoconfigure;

import java.util.HashMap;
import java.util.Map;

import dev.vestline.messaging.outbox.OutboxStatus;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * The Kafka and actuator defaults every service shares, at the lowest precedence so a
 * service or an operator can override any of them: records are String keys and raw JSON
 * bytes (the inbox decodes them); a new consumer group starts from the earliest offset so
 * that it misses no event; offsets are committed by the container after the listener
 * returned, never automatically; a listener observes each record it receives (with a
 * tracer, a receive span whose parent is the record's {@code traceparent}); a consumer's
 * session times out after 15 s, and with {@code VESTLINE_INSTANCE_ID} every listener is a
 * static group member ({@link StaticMembership}); each database session is named after
 * the instance; health probes and Prometheus are exposed.
 */
class MessagingEnvironmentDefaults implements EnvironmentPostProcessor {

	private static final Map<String, Object> DEFAULTS = Map.ofEntries(
			Map.entry("spring.kafka.consumer.key-deserializer",
					"org.apache.kafka.common.serialization.StringDeserializer"),
			Map.entry("spring.kafka.consumer.value-deserializer",
					"org.apache.kafka.common.serialization.ByteArrayDeserializer"),
			Map.entry("spring.kafka.consumer.auto-offset-reset", "earliest"),
			Map.entry("spring.kafka.consumer.enable-auto-commit", "false"),
			Map.entry("spring.kafka.consumer.isolation-level", "read_committed"),
			// a killed dynamic member's partitions wait this long (45 s by default), a
			// static member that does not come back holds them as long; heartbeats every
			// 3 s from the client's own thread keep a live one in
			Map.entry("spring.kafka.consumer.properties.session.timeout.ms", "15000"),
			Map.entry("spring.kafka.consumer.heartbeat-interval", "3s"),
			// the instance id from the environment, where the platform gives one
			Map.entry("vestline.messaging.consumer.instance-id", "${VESTLINE_INSTANCE_ID:}"),
			Map.entry("spring.kafka.listener.ack-mode", "batch"),
			Map.entry("spring.kafka.listener.observation-enabled", "true"),
			Map.entry("spring.kafka.producer.key-serializer", "org.apache.kafka.common.serialization.StringSerializer"),
			Map.entry("spring.kafka.producer.value-serializer",
					"org.apache.kafka.common.serialization.ByteArraySerializer"),
			Map.entry("spring.flyway.default-schema", "${vestline.schema}"),
			Map.entry("spring.flyway.schemas", "${vestline.schema}"),
			Map.entry("spring.flyway.create-schemas", "false"),
			Map.entry("management.endpoints.web.exposure.include", "health,info,prometheus"),
			Map.entry("management.endpoint.health.probes.enabled", "true"),
			Map.entry("management.endpoint.health.group.readiness.include", "readinessState,db"),
			Map.entry("server.shutdown", "graceful"));

	/**
	 * Every database session of this instance is named after it, so that an operator (and
	 * {@link OutboxStatus#leader()}) can tell which replica holds the relay lock; without
	 * a name pgjdbc calls every session "PostgreSQL JDBC Driver".
	 */
	static final String SESSION_NAME = "spring.datasource.hikari.data-source-properties.ApplicationName";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		Map<String, Object> defaults = new HashMap<>(DEFAULTS);
		defaults.put(SESSION_NAME,
				OutboxStatus.sessionName(environment.getProperty("spring.application.name", "vestline"),
						environment.getProperty("VESTLINE_INSTANCE_ID")));
		environment.getPropertySources().addLast(new MapPropertySource("vestlineMessagingDefaults", defaults));
	}

}
