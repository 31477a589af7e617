package dev.vestline.messaging.outbox;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import javax.sql.DataSource;

import dev.vestline.events.EventJson;
import dev.vestline.messaging.LedgerEntryRecorded;
import dev.vestline.testharness.KafkaBroker;
import dev.vestline.testharness.PostgresCluster;
import dev.vestline.testharness.ServiceDatabase;
import dev.vestline.testharness.TopicReader;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static dev.vestline.messaging.outbox.OutboxRelayIntegrationTests.CATALOG;
import static dev.vestline.messaging.outbox.OutboxRelayIntegrationTests.FAST;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A schema migrated before the outbox's work list (V0_3) and its json payload (V0_4)
 * existed, with its service's own migrations already applied after the shared ones, as
 * every deployed service is: the new shared migrations apply out of order, and the relay
 * then publishes exactly the events the old relay had not, their payloads intact.
 */
class OutboxUpgradeIntegrationTests {

	private static final String MESSAGING = "classpath:db/vestline-messaging";

	private static final String SERVICE = "classpath:db/ledger";

	@Test
	void publishesExactlyTheEventsTheOldRelayLeftUnpublished() throws Exception {
		ServiceDatabase service = PostgresCluster.shared()
			.provision(PostgresCluster.shared().createDatabase(), "ledger");
		DataSource dataSource = service.dataSource();
		flyway(service, MESSAGING, SERVICE).target("0.2").load().migrate();
		// the service's own migrations were applied after 0.2 when 0.3 did not exist yet
		flyway(service, SERVICE).ignoreMigrationPatterns("*:missing").load().migrate();
		List<UUID> ids = appendFive(dataSource);
		// the old relay published the first three
		JdbcClient.create(dataSource).sql("""
				UPDATE outbox_event SET published_at = clock_timestamp()
				 WHERE position IN (SELECT position FROM outbox_event ORDER BY position LIMIT 3)
				""").update();

		int applied = flyway(service, MESSAGING, SERVICE).outOfOrder(true).load().migrate().migrationsExecuted;

		// V0_3 and V0_4, and the parked events (V0_5) and dead-letter progress (V0_6)
		assertThat(applied).isEqualTo(4);
		try (KafkaBroker kafka = KafkaBroker.start();
				OutboxRelay relay = new OutboxRelay(dataSource,
						Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()), FAST,
						new OutboxMetrics(dataSource, new SimpleMeterRegistry(), Clock.systemUTC()));
				TopicReader reader = new TopicReader(kafka.bootstrapServers(), LedgerEntryRecorded.TOPIC)) {
			relay.start();
			await().atMost(Duration.ofMinutes(2))
				.until(() -> JdbcClient.create(dataSource)
					.sql("SELECT count(*) FROM outbox_pending")
					.query(Long.class)
					.single() == 0);
			List<ConsumerRecord<String, byte[]>> records = reader.readFor(Duration.ofSeconds(2));
			assertThat(records.stream().map(OutboxUpgradeIntegrationTests::ceId)).containsExactly(ids.get(3).toString(),
					ids.get(4).toString());
			assertThat(records.stream().map((record) -> EventJson.read(record.value(), LedgerEntryRecorded.class)))
				.containsExactly(new LedgerEntryRecorded("acc-old", 4, "before 0.3"),
						new LedgerEntryRecorded("acc-old", 5, "before 0.3"));
		}
	}

	private static List<UUID> appendFive(DataSource dataSource) {
		Outbox outbox = new Outbox(dataSource, CATALOG, Clock.systemUTC());
		TransactionTemplate transactions = new TransactionTemplate(new JdbcTransactionManager(dataSource));
		return IntStream.rangeClosed(1, 5)
			.mapToObj((version) -> transactions
				.execute((status) -> outbox.append(new LedgerEntryRecorded("acc-old", version, "before 0.3"))))
			.toList();
	}

	private static FluentConfiguration flyway(ServiceDatabase service, String... locations) {
		return Flyway.configure()
			.dataSource(service.jdbcUrl(), service.username(), service.password())
			.schemas(service.schema())
			.defaultSchema(service.schema())
			.createSchemas(false)
			.locations(locations);
	}

	private static String ceId(ConsumerRecord<String, byte[]> record) {
		return new String(record.headers().lastHeader("ce_id").value(), java.nio.charset.StandardCharsets.UTF_8);
	}

}
