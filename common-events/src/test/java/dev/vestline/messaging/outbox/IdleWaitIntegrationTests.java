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

	/** A fallback poll no test outlasts: only a commit or the stop ends a sleep. */
	private static final Duration NEVER = Duration.ofHours(1);

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

		assertThat(step).isEqualTo(IdleWait.Step.COUNTED);
		assertThat(polledFor).isGreaterThanOrEqualTo(POLLING);
		// 1 + 2 + 4 + 4 ... ms: about a dozen looks in 50 ms, not one per millisecond;
		// fewer when the machine is busy and a pause lasts longer than asked
		assertThat(polls).isBetween(1, 25);
		assertThat(sleep()).isEqualTo(IdleWait.Step.FALLBACK_POLL);
	}

	@Test
	void aCommitWakesTheSleepingLeaderLongBeforeTheFallbackPollAndItSleepsAgainAfter() throws Exception {
		startIdleWait(POLLING, NEVER);
		pollUntilCounted();
		CompletableFuture<IdleWait.Step> sleeping = CompletableFuture.supplyAsync(this::sleep);

		appendOneEvent();

		assertThat(sleeping.get(60, TimeUnit.SECONDS)).isEqualTo(IdleWait.Step.WOKEN_BY_COMMIT);
		// the commit has been seen: with nothing new, the next wait sleeps until stopped
		CompletableFuture<IdleWait.Step> again = CompletableFuture.supplyAsync(this::sleep);
		assertThat(stop(again)).isEqualTo(IdleWait.Step.STOPPED);
	}

	@Test
	void aRolledBackTransactionDoesNotWakeTheLeader() throws Exception {
		startIdleWait(POLLING, NEVER);
		pollUntilCounted();
		long before = this.idle.commits();

		transactions().executeWithoutResult((status) -> {
			outbox().append(new LedgerEntryRecorded("acc-1", 1, "rolled back"));
			status.setRollbackOnly();
		});
		// a notification of the rollback would come before this commit's: none came
		appendOneEvent();

		assertThat(sleep()).isEqualTo(IdleWait.Step.WOKEN_BY_COMMIT);
		assertThat(this.idle.commits()).isEqualTo(before + 1);
		CompletableFuture<IdleWait.Step> again = CompletableFuture.supplyAsync(this::sleep);
		assertThat(stop(again)).isEqualTo(IdleWait.Step.STOPPED);
		assertThat(this.idle.commits()).isEqualTo(before + 1);
	}

	@Test
	void aCommitWhileItPollsIsClaimedBeforeTheLeaderSleeps() throws Exception {
		// polling long enough for the listener to count the commit before it ends
		startIdleWait(Duration.ofMillis(500), NEVER);
		assertThat(this.idle.await()).isEqualTo(IdleWait.Step.POLLED);

		appendOneEvent();

		// the leader must look once more before it sleeps: sleeping now would count
		// this commit as seen and miss its row until the fallback poll
		pollUntilCounted();
	}

	/**
	 * Sleeps, again after each time a read of notifications ran long: on a busy machine a
	 * read may be held up, and the leader then looks once. What ends the sleep otherwise
	 * is what the test is about.
	 */
	private IdleWait.Step sleep() {
		IdleWait.Step step;
		do {
			step = this.idle.await();
		}
		while (step == IdleWait.Step.WOKEN_BY_LONG_READ);
		return step;
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
		await().atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofMillis(1))
			.until(this.idle::await, (step) -> step == IdleWait.Step.COUNTED);
	}

	private IdleWait.Step stop(CompletableFuture<IdleWait.Step> sleeping) throws Exception {
		this.running = false;
		return sleeping.get(60, TimeUnit.SECONDS);
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
