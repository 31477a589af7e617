package dev.vestline.messaging.outbox;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.zaxxer.hikari.HikariDataSource;
import dev.vestline.messaging.LedgerEntryRecorded;
import dev.vestline.testharness.FreePorts;
import dev.vestline.testharness.KafkaBroker;
import dev.vestline.testharness.SchemaUnderTest;
import dev.vestline.testharness.TopicReader;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.netcrusher.core.reactor.NioReactor;
import org.netcrusher.tcp.TcpCrusher;
import org.netcrusher.tcp.TcpCrusherBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static dev.vestline.messaging.outbox.OutboxRelayIntegrationTests.CATALOG;
import static dev.vestline.messaging.outbox.OutboxRelayIntegrationTests.FAST;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A leader that freezes, or whose network is cut, while it holds the relay lock: its
 * database connection goes through a TCP proxy that stops forwarding without closing
 * anything, as for a SIGSTOPped process or a partitioned host. PostgreSQL alone would
 * keep the session, and the lock, for TCP keepalive's two hours; the lease ends it, a
 * standby takes over and the events flow again, and the frozen leader stops leading.
 */
class RelayLeaderTakeoverIntegrationTests {

	private static final Logger logger = LoggerFactory.getLogger(RelayLeaderTakeoverIntegrationTests.class);

	SchemaUnderTest schema;

	KafkaBroker kafka;

	NioReactor reactor;

	TcpCrusher proxy;

	HikariDataSource throughProxy;

	final List<OutboxRelay> relays = new ArrayList<>();

	@BeforeEach
	void setUp() throws Exception {
		this.schema = SchemaUnderTest.create("ledger", "classpath:db/vestline-messaging", "classpath:db/ledger");
		this.kafka = KafkaBroker.start();
		URI database = URI.create(this.schema.dataSource().getJdbcUrl().substring("jdbc:".length()));
		this.reactor = new NioReactor();
		int port = FreePorts.pick();
		this.proxy = TcpCrusherBuilder.builder()
			.withReactor(this.reactor)
			.withBindAddress("127.0.0.1", port)
			.withConnectAddress(database.getHost(), database.getPort())
			.buildAndOpen();
		this.throughProxy = new HikariDataSource();
		this.throughProxy.setJdbcUrl(this.schema.dataSource()
			.getJdbcUrl()
			.replace(database.getHost() + ":" + database.getPort(), "127.0.0.1:" + port));
		this.throughProxy.setUsername(this.schema.dataSource().getUsername());
		this.throughProxy.setPassword(this.schema.dataSource().getPassword());
		this.throughProxy.setMaximumPoolSize(4);
		this.throughProxy.setConnectionTimeout(5_000);
	}

	@AfterEach
	void tearDown() {
		this.relays.forEach(OutboxRelay::stop);
		this.proxy.close();
		this.reactor.close();
		this.throughProxy.close();
		this.kafka.close();
		this.schema.close();
	}

	@Test
	void aStandbyTakesOverFromAFrozenLeaderWithinItsLeaseAndTheFrozenLeaderStopsLeading() {
		OutboxRelay frozen = relay(this.throughProxy);
		await().atMost(Duration.ofSeconds(60)).until(frozen::isLeader);
		UUID before = append("before the freeze");
		try (TopicReader reader = new TopicReader(this.kafka.bootstrapServers(), LedgerEntryRecorded.TOPIC)) {
			reader.readUntil((all) -> published(all, before), Duration.ofSeconds(60));
			OutboxRelay standby = relay(this.schema.dataSource());

			this.proxy.freeze();
			long frozenAt = System.nanoTime();
			UUID during = append("while the leader is frozen");

			await().atMost(Duration.ofSeconds(120)).until(standby::isLeader);
			Duration takeover = Duration.ofNanos(System.nanoTime() - frozenAt);
			reader.readUntil((all) -> published(all, during), Duration.ofSeconds(60));
			Duration flowing = Duration.ofNanos(System.nanoTime() - frozenAt);
			logger.info("Measured: standby leads {} ms and the event is on Kafka {} ms after the freeze (lease {})",
					takeover.toMillis(), flowing.toMillis(), FAST.lease());

			await().atMost(Duration.ofSeconds(60)).until(() -> !frozen.isLeader());
		}
		finally {
			this.proxy.unfreeze();
		}
	}

	private OutboxRelay relay(javax.sql.DataSource dataSource) {
		OutboxRelay relay = new OutboxRelay(dataSource,
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, this.kafka.bootstrapServers()), FAST,
				new OutboxMetrics(dataSource, new SimpleMeterRegistry(), Clock.systemUTC()));
		relay.start();
		this.relays.add(relay);
		return relay;
	}

	private UUID append(String note) {
		Outbox outbox = new Outbox(this.schema.dataSource(), CATALOG, Clock.systemUTC());
		return new TransactionTemplate(new JdbcTransactionManager(this.schema.dataSource()))
			.execute((status) -> outbox.append(new LedgerEntryRecorded("acc-" + UUID.randomUUID(), 1, note)));
	}

	private static boolean published(List<org.apache.kafka.clients.consumer.ConsumerRecord<String, byte[]>> records,
			UUID id) {
		return records.stream()
			.anyMatch((record) -> id.toString()
				.equals(new String(record.headers().lastHeader("ce_id").value(), StandardCharsets.UTF_8)));
	}

}
