package dev.vestline.benchmarks;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

import dev.vestline.testharness.SchemaUnderTest;
import dev.vestline.testharness.StandaloneKafkaBroker;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * The infrastructure every system is measured on: the test harness's embedded PostgreSQL
 * (one fresh database per measurement, so no run inherits another's dead rows) and its
 * standalone KRaft broker, a process of its own so that its heap and GC are not the
 * benchmark's.
 */
final class Lab implements AutoCloseable {

	static final int PARTITIONS = 4;

	private final StandaloneKafkaBroker kafka;

	private final Admin admin;

	private Lab(StandaloneKafkaBroker kafka) {
		this.kafka = kafka;
		this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()));
	}

	static Lab start() {
		return new Lab(StandaloneKafkaBroker.startWithJvmDefaults());
	}

	String bootstrapServers() {
		return this.kafka.bootstrapServers();
	}

	/**
	 * @return a fresh database with the messaging tables and the benchmark's own, in
	 * schema {@code bench}
	 */
	SchemaUnderTest schema() {
		return SchemaUnderTest.create("bench", "classpath:db/vestline-messaging", "classpath:db/bench");
	}

	/**
	 * Creates a topic up front, so that no measurement includes topic auto-creation.
	 * @param name the topic
	 * @return the name
	 */
	String topic(String name) {
		try {
			this.admin.createTopics(List.of(new NewTopic(name, PARTITIONS, (short) 1))).all().get();
			return name;
		}
		catch (InterruptedException | ExecutionException ex) {
			throw new IllegalStateException("Could not create topic " + name, ex);
		}
	}

	@Override
	public void close() {
		this.admin.close();
		this.kafka.close();
	}

}
