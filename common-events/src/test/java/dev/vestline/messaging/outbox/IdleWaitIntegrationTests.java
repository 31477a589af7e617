package dev.vestline.messaging.outbox;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import dev.vestline.messaging.LedgerEntryRecorded;
import dev.vestline.testharness.SchemaUnderTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How the leader waits when the outbox is drained, on a real PostgreSQL session: it polls
 * first, listens only after {@code pollBeforeListening}, wakes on a commit's NOTIFY, and
 * stops listening when it has work.
 */
class IdleWaitIntegrationTests {

	private static final Duration POLLING = Duration.ofMillis(50);

	private static final Duration FALLBACK = Duration.ofSeconds(30);

	SchemaUnderTest schema;

	Connection connection;

	IdleWait idle;

	volatile boolean running = true;

	@BeforeEach
	void setUp() throws SQLException {
		this.schema = SchemaUnderTest.create("ledger", "classpath:db/vestline-messaging", "classpath:db/ledger");
		this.connection = this.schema.dataSource().getConnection();
		this.connection.setAutoCommit(true);
		RelaySettings settings = new RelaySettings(200, 2, POLLING, FALLBACK, Duration.ofSeconds(1),
				Duration.ofMillis(50), Duration.ofSeconds(1));
		this.idle = new IdleWait(this.connection, RelayLock.channel(this.connection), settings, () -> this.running);
	}

	@AfterEach
	void tearDown() throws SQLException {
		this.running = false;
		this.connection.close();
		this.schema.close();
	}

	@Test
	void pollsFirstThenListensAndStopsListeningWhenThereIsWork() throws SQLException {
		long start = System.nanoTime();
		int polls = 0;
		while (listeningChannels().isEmpty()) {
			this.idle.await();
			polls++;
		}
		long listenedAfter = System.nanoTime() - start;

		assertThat(Duration.ofNanos(listenedAfter)).isGreaterThanOrEqualTo(POLLING);
		// 1 + 2 + 4 + 4 ... ms: about a dozen looks in 50 ms, not one per millisecond
		assertThat(polls).isBetween(3, 20);
		assertThat(listeningChannels()).containsExactly(RelayLock.channel(this.connection));

		this.idle.busy();

		assertThat(listeningChannels()).isEmpty();
	}

	@Test
	void aCommitWakesTheListeningLeaderLongBeforeTheFallbackPoll() throws Exception {
		awaitListening();
		CompletableFuture<Void> waiting = CompletableFuture.runAsync(this::awaitOnce);
		// nothing committed: it keeps waiting (past several of its 200 ms slices)
		Thread.sleep(600);
		assertThat(waiting).isNotDone();

		appendOneEvent();

		waiting.get(10, TimeUnit.SECONDS);
	}

	@Test
	void aRolledBackTransactionDoesNotWakeTheLeader() throws Exception {
		awaitListening();
		CompletableFuture<Void> waiting = CompletableFuture.runAsync(this::awaitOnce);

		new TransactionTemplate(new JdbcTransactionManager(this.schema.dataSource())).executeWithoutResult((status) -> {
			outbox().append(new LedgerEntryRecorded("acc-1", 1, "rolled back"));
			status.setRollbackOnly();
		});
		Thread.sleep(600);

		assertThat(waiting).isNotDone();
		this.running = false;
		waiting.get(10, TimeUnit.SECONDS);
	}

	private void awaitListening() throws SQLException {
		while (listeningChannels().isEmpty()) {
			this.idle.await();
		}
	}

	private void awaitOnce() {
		try {
			this.idle.await();
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private void appendOneEvent() {
		new TransactionTemplate(new JdbcTransactionManager(this.schema.dataSource()))
			.executeWithoutResult((status) -> outbox().append(new LedgerEntryRecorded("acc-1", 1, "wake up")));
	}

	private Outbox outbox() {
		return new Outbox(this.schema.dataSource(), OutboxRelayIntegrationTests.CATALOG, Clock.systemUTC());
	}

	private List<String> listeningChannels() {
		return JdbcClient.create(new SingleConnectionDataSource(this.connection, true))
			.sql("SELECT pg_listening_channels()")
			.query(String.class)
			.list();
	}

}
