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
import static org.awaitility.Awaitility.await;

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
	void pollsForAWhileThenLooksOnceMoreThenSleepsUntilTheFallbackPoll() throws SQLException {
		startIdleWait(POLLING, Duration.ofSeconds(1));
		long start = System.nanoTime();
		int polls = 0;
		IdleWait.Step step;
		while ((step = this.idle.await()) == IdleWait.Step.POLLED) {
			polls++;
		}
		Duration polledFor = Duration.ofNanos(System.nanoTime() - start);
		long before = System.nanoTime();
		IdleWait.Step next = this.idle.await();
		Duration slept = Duration.ofNanos(System.nanoTime() - before);

		assertThat(step).isEqualTo(IdleWait.Step.COUNTED);
		assertThat(polledFor).isGreaterThanOrEqualTo(POLLING);
		// 1 + 2 + 4 + 4 ... ms: about a dozen looks in 50 ms, not one per millisecond
		assertThat(polls).isBetween(3, 25);
		assertThat(next).isEqualTo(IdleWait.Step.SLEPT);
		assertThat(slept).isGreaterThanOrEqualTo(Duration.ofMillis(900));
	}

	@Test
	void aCommitWakesTheSleepingLeaderLongBeforeTheFallbackPollAndItSleepsAgainAfter() throws Exception {
		startIdleWait(POLLING, Duration.ofSeconds(30));
		pollUntilCounted();
		CompletableFuture<IdleWait.Step> sleeping = CompletableFuture.supplyAsync(this.idle::await);
		assertStillSleeping(sleeping);

		appendOneEvent();

		assertThat(sleeping.get(10, TimeUnit.SECONDS)).isEqualTo(IdleWait.Step.SLEPT);
		// the commit has been seen: with nothing new, the next wait sleeps again
		CompletableFuture<IdleWait.Step> again = CompletableFuture.supplyAsync(this.idle::await);
		assertStillSleeping(again);
		stop(again);
	}

	@Test
	void aRolledBackTransactionDoesNotWakeTheLeader() throws Exception {
		startIdleWait(POLLING, Duration.ofSeconds(30));
		pollUntilCounted();
		CompletableFuture<IdleWait.Step> sleeping = CompletableFuture.supplyAsync(this.idle::await);

		transactions().executeWithoutResult((status) -> {
			outbox().append(new LedgerEntryRecorded("acc-1", 1, "rolled back"));
			status.setRollbackOnly();
		});

		assertStillSleeping(sleeping);
		stop(sleeping);
	}

	@Test
	void aCommitWhileItPollsIsClaimedBeforeTheLeaderSleeps() throws Exception {
		// polling long enough for the listener to count the commit before it ends
		startIdleWait(Duration.ofMillis(500), Duration.ofSeconds(30));
		assertThat(this.idle.await()).isEqualTo(IdleWait.Step.POLLED);

		appendOneEvent();

		// the leader must look once more before it sleeps: sleeping now would count
		// this commit as seen and miss its row until the fallback poll
		pollUntilCounted();
	}

	private void startIdleWait(Duration polling, Duration fallbackPoll) throws SQLException {
		RelaySettings settings = new RelaySettings(200, 2, polling, fallbackPoll, Duration.ofSeconds(1),
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
	private void pollUntilCounted() {
		await().atMost(Duration.ofSeconds(5))
			.pollInterval(Duration.ofMillis(1))
			.until(this.idle::await, (step) -> step == IdleWait.Step.COUNTED);
	}

	private static void assertStillSleeping(CompletableFuture<IdleWait.Step> sleeping) {
		await().during(Duration.ofMillis(600)).atMost(Duration.ofSeconds(2)).until(() -> !sleeping.isDone());
	}

	private void stop(CompletableFuture<IdleWait.Step> sleeping) throws Exception {
		this.running = false;
		sleeping.get(10, TimeUnit.SECONDS);
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
