package dev.vestline.platform;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.UUID;

import dev.vestline.testharness.StandaloneKafkaBroker;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.awaitility.Awaitility.await;

/**
 * The platform's state, the database and the broker's data together, is carried on from
 * one run to the next, thrown away together with {@code --fresh}, and never half kept.
 */
class PlatformStateIntegrationTests {

	@TempDir
	Path home;

	@Test
	void carriesTheDatabaseAndTheBrokerOnToTheNextRunAndForgetsBothWhenFresh() throws Exception {
		PlatformOptions options = PlatformOptions.forTests(this.home, this.home, Map.of());
		PlatformState first = PlatformState.prepare(this.home, false, true);
		assertThat(first.kept()).isFalse();
		try (Run run = Run.start(options, first)) {
			run.sql("CREATE TABLE kept AS SELECT 42 AS answer");
			run.publish("kept-topic", "the answer");
		}

		PlatformState second = PlatformState.prepare(this.home, false, true);
		assertThat(second.kept()).isTrue();
		try (Run run = Run.start(options, second)) {
			assertThat(run.count("SELECT answer FROM kept")).isEqualTo(42);
			assertThat(run.read("kept-topic")).containsExactly("the answer");
		}

		PlatformState fresh = PlatformState.prepare(this.home, true, true);
		assertThat(fresh.kept()).isFalse();
		try (Run run = Run.start(options, fresh)) {
			assertThat(run.count("SELECT count(*) FROM pg_tables WHERE tablename = 'kept'")).isZero();
			assertThat(run.topics()).doesNotContain("kept-topic");
		}
	}

	@Test
	void refusesToCarryOnWithTheDatabaseOfOneRunAndNoBroker() throws Exception {
		Files.createDirectories(this.home.resolve("postgres"));
		Files.writeString(this.home.resolve("postgres").resolve("PG_VERSION"), "17\n");

		assertThatIllegalStateException().isThrownBy(() -> PlatformState.prepare(this.home, false, true))
			.withMessageContaining("--fresh");
		assertThat(PlatformState.prepare(this.home, true, true).kept()).isFalse();
		assertThat(this.home.resolve("postgres")).doesNotExist();
	}

	/** The platform's database and broker, started on a state as LocalPlatform does. */
	private record Run(PlatformDatabase database, StandaloneKafkaBroker kafka) implements AutoCloseable {

		static Run start(PlatformOptions options, PlatformState state) {
			return new Run(PlatformDatabase.start(options, state), StandaloneKafkaBroker.start(state.kafka(),
					options.port("kafka"), options.port("kafka-controller")));
		}

		void sql(String sql) throws Exception {
			try (Connection connection = connect(); Statement statement = connection.createStatement()) {
				statement.execute(sql);
			}
		}

		int count(String sql) throws Exception {
			try (Connection connection = connect();
					Statement statement = connection.createStatement();
					ResultSet result = statement.executeQuery(sql)) {
				result.next();
				return result.getInt(1);
			}
		}

		void publish(String topic, String value) throws Exception {
			try (KafkaProducer<String, String> producer = new KafkaProducer<>(
					Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, this.kafka.bootstrapServers()),
					new StringSerializer(), new StringSerializer())) {
				producer.send(new ProducerRecord<>(topic, "key", value)).get();
			}
		}

		List<String> read(String topic) {
			try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(
					Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, this.kafka.bootstrapServers(),
							ConsumerConfig.GROUP_ID_CONFIG, UUID.randomUUID().toString(),
							ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
					new StringDeserializer(), new StringDeserializer())) {
				consumer.subscribe(List.of(topic));
				List<String> values = new ArrayList<>();
				await("the kept record").atMost(Duration.ofSeconds(120)).until(() -> {
					consumer.poll(Duration.ofMillis(500)).forEach((record) -> values.add(record.value()));
					return !values.isEmpty();
				});
				return values;
			}
		}

		Set<String> topics() throws Exception {
			try (Admin admin = Admin.create(Map.of("bootstrap.servers", this.kafka.bootstrapServers()))) {
				return admin.listTopics().names().get();
			}
		}

		private Connection connect() throws Exception {
			return DriverManager.getConnection(this.database.jdbcUrl(), "postgres", "postgres");
		}

		@Override
		public void close() throws Exception {
			this.kafka.close();
			this.database.close();
		}

	}

}
