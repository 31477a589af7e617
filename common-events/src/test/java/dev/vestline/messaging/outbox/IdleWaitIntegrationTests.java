package dev.vestline.messaging.outbox;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import dev.vestline.messaging.LedgerEntryRecorded;
import dev.vestline.testharness.SchemaUnderTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How the leader waits when the outbox is drained, against a real PostgreSQL: it polls
 * first, sleeps only after {@code pollBeforeSleeping}, and a commit's NOTIFY wakes it.
 */
class IdleWaitIntegrationTests {

	private static final Duration POLLING = Duration.ofMillis(50);

	SchemaUnderTest schema;

	IdleWait idle;

	volatile boolean running = true;

	@BeforeEach
	void setUp() throws SQLException {
		this.schema = SchemaUnderTest.create("ledger", "classpath:db/vestline-messaging", "classpath:db/ledger");
	}

	@AfterEach
	void tearDown() {
		this.running = false;
		if (this.idle != null) {
			this.idle.close();
		}
		this.schema.close();
	}

	@Test
	void pollsForAWhileThenSleepsUntilTheFallbackPoll() throws SQLException {
		startIdleWait(Duration.ofSeconds(1));
		long start = System.nanoTime();
		int looks = 0;
		long sleptNanos = 0;
		while (sleptNanos < Duration.ofMillis(900).toNanos()) {
			long before = System.nanoTime();
			this.idle.await();
			sleptNanos = System.nanoTime() - before;
			looks++;
		}
		long sleptAfter = System.nanoTime() - start - sleptNanos;

		assertThat(Duration.ofNanos(sleptAfter)).isGreaterThanOrEqualTo(POLLING);
		// 1 + 2 + 4 + 4 ... ms, then one more look before sleeping: about a dozen looks
		// in
		// 50 ms, not one per millisecond
		assertThat(looks).isBetween(4, 25);
	}

	@Test
	void aCommitWakesTheSleepingLeaderLongBeforeTheFallbackPollAndItSleepsAgainAfter() throws Exception {
		startIdleWait(Duration.ofSeconds(30));
		awaitSleeping();
		CompletableFuture<Void> sleeping = CompletableFuture.runAsync(this.idle::await);
		// nothing committed: it keeps sleeping
		Thread.sleep(600);
		assertThat(sleeping).isNotDone();

		appendOneEvent();

		sleeping.get(10, TimeUnit.SECONDS);
		// the commit has been seen: with nothing new, the next wait sleeps again
		CompletableFuture<Void> again = CompletableFuture.runAsync(this.idle::await);
		Thread.sleep(600);
		assertThat(again).isNotDone();
		this.running = false;
		again.get(10, TimeUnit.SECONDS);
	}

	@Test
	void aRolledBackTransactionDoesNotWakeTheLeader() throws Exception {
		startIdleWait(Duration.ofSeconds(30));
		awaitSleeping();
		CompletableFuture<Void> sleeping = CompletableFuture.runAsync(this.idle::await);

		transactions().executeWithoutResult((status) -> {
			outbox().append(new LedgerEntryRecorded("acc-1", 1, "rolled back"));
			status.setRollbackOnly();
		});
		Thread.sleep(600);

		assertThat(sleeping).isNotDone();
		this.running = false;
		sleeping.get(10, TimeUnit.SECONDS);
	}

	@Test
	void aCommitJustBeforeTheLeaderWouldSleepIsClaimedNotSleptThrough() throws Exception {
		startIdleWait(Duration.ofSeconds(30));
		// the leader looked (nothing there) and polled until its polling time was over
		this.idle.await();
		Thread.sleep(POLLING.toMillis() + 10);
		// a commit lands now, and the listener counts it, before the leader's next step
		appendOneEvent();
		Thread.sleep(300);

		// the leader must look once more before it sleeps: sleeping now would count
		// this commit as seen and miss its row until the fallback poll
		CompletableFuture.runAsync(this::awaitOnce).get(5, TimeUnit.SECONDS);
	}

	private void awaitOnce() {
		this.idle.await();
	}

	private void startIdleWait(Duration fallbackPoll) throws SQLException {
		RelaySettings settings = new RelaySettings(200, 2, POLLING, fallbackPoll, Duration.ofSeconds(1),
				Duration.ofMillis(50), Duration.ofSeconds(1));
		try (Connection connection = this.schema.dataSource().getConnection()) {
			this.idle = new IdleWait(this.schema.dataSource(), RelayLock.channel(connection), settings,
					() -> this.running);
		}
		this.idle.start();
	}

	/**
	 * Polls until the polling time is over and the count is taken: the next wait sleeps.
	 */
	private void awaitSleeping() throws InterruptedException {
		Thread.sleep(POLLING.toMillis());
		// past the polling time: the first look starts the idle period, the second takes
		// the count
		this.idle.await();
		Thread.sleep(POLLING.toMillis());
		this.idle.await();
	}

	private void appendOneEvent() {
		transactions()
			.executeWithoutResult((status) -> outbox().append(new LedgerEntryRecorded("acc-1", 1, "wake up")));
	}

	private TransactionTemplate transactions() {
		return new TransactionTemplate(new JdbcTransactionManager(this.schema.dataSource()));
	}

	private Outbox outbox() {
		return new Outbox(this.schema.dataSource(), OutboxRelayIntegrationTests.CATALOG, Clock.systemUTC());
	}

}
