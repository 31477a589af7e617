package dev.vestline.messaging.outbox;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import dev.vestline.messaging.LedgerEntryRecorded;
import dev.vestline.testharness.SchemaUnderTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The relay's commit listener against a real PostgreSQL: it counts the outbox trigger's
 * notifications, and it wakes a waiter at the start of a dense stream of them, not when
 * the stream pauses.
 */
class CommitListenerIntegrationTests {

	SchemaUnderTest schema;

	String channel;

	CommitListener listener;

	@BeforeEach
	void setUp() throws SQLException {
		this.schema = SchemaUnderTest.create("ledger", "classpath:db/vestline-messaging", "classpath:db/ledger");
		try (Connection connection = this.schema.dataSource().getConnection()) {
			this.channel = RelayLock.channel(connection);
		}
		this.listener = CommitListener.start(this.schema.dataSource(), this.channel);
	}

	@AfterEach
	void tearDown() {
		this.listener.close();
		this.schema.close();
	}

	@Test
	void countsEveryCommittedOutboxTransaction() {
		Outbox outbox = new Outbox(this.schema.dataSource(), OutboxRelayIntegrationTests.CATALOG, Clock.systemUTC());
		TransactionTemplate transactions = new TransactionTemplate(
				new JdbcTransactionManager(this.schema.dataSource()));
		for (int version = 1; version <= 5; version++) {
			var entry = new LedgerEntryRecorded("acc-1", version, "counted");
			transactions.executeWithoutResult((status) -> outbox.append(entry));
		}

		await().atMost(Duration.ofMinutes(2)).until(() -> this.listener.commits() == 5);
	}

	@Test
	void wakesAWaiterSoonAfterADenseStreamBeginsNotWhenItPauses() throws Exception {
		long seen = this.listener.commits();
		// more than a second of quiet first: pgjdbc then reads a stream on and on
		await().during(Duration.ofMillis(1_500))
			.atMost(Duration.ofSeconds(30))
			.until(() -> this.listener.commits() == seen);
		List<CompletableFuture<Void>> notifiers = notifySteadily(3_000, Duration.ofSeconds(4));

		CommitListener.Wake wake = this.listener.awaitCommitAfter(seen, Duration.ofSeconds(30), () -> true);
		boolean streamStillRunning = notifiers.stream().anyMatch((notifier) -> !notifier.isDone());

		// within the 4 s stream, not when it pauses; NotificationProbe measures how soon
		// (tens of ms)
		assertThat(wake).isIn(CommitListener.Wake.COMMIT, CommitListener.Wake.LONG_READ);
		assertThat(streamStillRunning).isTrue();
		CompletableFuture.allOf(notifiers.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
	}

	@Test
	void aLostConnectionIsReportedAndWakesTheWaiter() throws Exception {
		long seen = this.listener.commits();
		CompletableFuture<CommitListener.Wake> waiting = CompletableFuture.supplyAsync(() -> {
			CommitListener.Wake wake;
			do {
				// a read held up by a busy machine wakes the waiter too: it waits again
				wake = this.listener.awaitCommitAfter(seen, Duration.ofHours(1), () -> true);
			}
			while (wake == CommitListener.Wake.LONG_READ);
			return wake;
		});

		JdbcClient.create(this.schema.adminDataSource())
			.sql("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE query LIKE 'LISTEN%'")
			.query(Boolean.class)
			.list();

		assertThat(waiting.get(60, TimeUnit.SECONDS)).isEqualTo(CommitListener.Wake.FAILED);
		assertThat(this.listener.failed()).isTrue();
	}

	/** Four connections, the n-th notification due at start + n / rate. */
	private List<CompletableFuture<Void>> notifySteadily(int rate, Duration duration) {
		List<CompletableFuture<Void>> notifiers = new ArrayList<>();
		long start = System.nanoTime();
		long interval = TimeUnit.SECONDS.toNanos(1) / rate;
		long total = rate * duration.toSeconds();
		for (int first = 0; first < 4; first++) {
			long from = first;
			notifiers.add(CompletableFuture.runAsync(() -> {
				try (Connection connection = this.schema.dataSource().getConnection();
						Statement statement = connection.createStatement()) {
					connection.setAutoCommit(true);
					for (long n = from; n < total; n += 4) {
						long due = start + n * interval;
						for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
							LockSupport.parkNanos(wait);
						}
						statement.execute("NOTIFY " + this.channel);
					}
				}
				catch (SQLException ex) {
					throw new IllegalStateException(ex);
				}
			}, (task) -> Thread.ofPlatform().start(task)));
		}
		return notifiers;
	}

}
