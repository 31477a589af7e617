package dev.vestline.messaging.outbox;

import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How the leader waits for new rows once the outbox is drained: it looks again after 1,
 * 2, then every 4 ms for {@link RelaySettings#pollBeforeSleeping()}, and only then sleeps
 * until the outbox trigger's commit notification, read by a {@link CommitListener} on a
 * connection of its own, or until {@link RelaySettings#fallbackPoll()}.
 * <p>
 * Why poll first: under a steady stream of commits the next row is a millisecond away;
 * polling finds it as fast as a notification would, and the leader does not go to sleep
 * and wake up again for every few events.
 * <p>
 * Why a listener of its own: pgjdbc's {@code getNotifications(timeout)} goes on reading
 * for as long as further notifications keep arriving within about a millisecond, so a
 * leader waiting in it while commits stream in was held for about as long as the stream
 * (tens to hundreds of milliseconds at 1,000 commits/s: the benchmarks'
 * {@code NotificationProbe} measures it) while the rows piled up. The listener wakes the
 * leader at the first notification of a sparse stream, and within about a slice
 * ({@link CommitListener#SLICE}, or {@link CommitListener#IDLE_SLICE} after a quiet
 * second) of the start of a dense one.
 * <p>
 * No commit is missed between polling and sleeping: the listener listens from before the
 * leader's first claim, and the leader notes how many commits it has counted before its
 * last claim, then sleeps only until the count moves: a commit before that claim is
 * claimed by it, a later one moves the count.
 */
final class IdleWait implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(IdleWait.class);

	private static final Duration FIRST_POLL = Duration.ofMillis(1);

	private static final Duration LONGEST_POLL = Duration.ofMillis(4);

	private final DataSource dataSource;

	private final String channel;

	private final Duration pollBeforeSleeping;

	private final Duration fallbackPoll;

	private final BooleanSupplier running;

	private @Nullable CommitListener listener;

	private long idleSince = -1;

	private Duration nextPoll = FIRST_POLL;

	/** The listener's count before the leader's last claim; -1 when not taken yet. */
	private long seen = -1;

	/**
	 * @param dataSource the relay's pool, for the listener's connection
	 * @param channel the schema's outbox notification channel
	 * @param settings how long to poll and how long to sleep
	 * @param running whether the relay should go on waiting
	 */
	IdleWait(DataSource dataSource, String channel, RelaySettings settings, BooleanSupplier running) {
		this.dataSource = dataSource;
		this.channel = channel;
		this.pollBeforeSleeping = settings.pollBeforeSleeping();
		this.fallbackPoll = settings.fallbackPoll();
		this.running = running;
	}

	/**
	 * Starts counting commits; called before the leader's first claim.
	 * @throws SQLException when the listener could not listen
	 */
	void start() throws SQLException {
		this.listener = CommitListener.start(this.dataSource, this.channel);
	}

	/** The leader found work: the next idle period polls from the start. */
	void busy() {
		this.idleSince = -1;
		this.nextPoll = FIRST_POLL;
		this.seen = -1;
	}

	/**
	 * One step of waiting while the outbox is drained; the leader claims again after
	 * each.
	 * @return what the step did
	 */
	Step await() {
		long now = System.nanoTime();
		if (this.idleSince < 0) {
			this.idleSince = now;
		}
		CommitListener current = this.listener;
		if (now - this.idleSince < this.pollBeforeSleeping.toNanos()) {
			LockSupport.parkNanos(this.nextPoll.toNanos());
			this.nextPoll = min(this.nextPoll.multipliedBy(2), LONGEST_POLL);
			return Step.POLLED;
		}
		if (current == null || current.failed()) {
			restartListener();
			return Step.LISTENER_RESTARTED;
		}
		if (this.seen < 0) {
			// no sleep yet: the leader claims once more, and sleeps after that claim
			this.seen = current.commits();
			return Step.COUNTED;
		}
		CommitListener.Wake wake = current.awaitCommitAfter(this.seen, this.fallbackPoll, this.running);
		// taken before the claim that follows, for the sleep after it
		this.seen = current.commits();
		return switch (wake) {
			case COMMIT -> Step.WOKEN_BY_COMMIT;
			case LONG_READ -> Step.WOKEN_BY_LONG_READ;
			case TIMEOUT -> Step.FALLBACK_POLL;
			case FAILED -> Step.LISTENER_FAILED;
			case STOPPED -> Step.STOPPED;
		};
	}

	/**
	 * @return how many commit notifications the listener has read, -1 without a listener
	 */
	long commits() {
		CommitListener current = this.listener;
		return (current != null) ? current.commits() : -1;
	}

	@Override
	public void close() {
		if (this.listener != null) {
			this.listener.close();
			this.listener = null;
		}
	}

	private void restartListener() {
		close();
		this.seen = -1;
		try {
			start();
		}
		catch (SQLException ex) {
			logger.warn("Outbox relay could not listen for commits; looking again in {}", this.fallbackPoll, ex);
			LockSupport.parkNanos(this.fallbackPoll.toNanos());
		}
	}

	/** What one {@link #await()} did; the leader claims again after each. */
	enum Step {

		/** Paused a few milliseconds: the outbox has not been quiet for long. */
		POLLED,

		/**
		 * Took the listener's count, without sleeping: one more claim before sleeping.
		 */
		COUNTED,

		/** Slept until a commit notification was read. */
		WOKEN_BY_COMMIT,

		/**
		 * Slept until a read of notifications ran long: the start of a dense stream of
		 * commits, or a pause of this process (a busy machine); looking once costs a
		 * claim.
		 */
		WOKEN_BY_LONG_READ,

		/** Slept for {@link RelaySettings#fallbackPoll()} without a commit. */
		FALLBACK_POLL,

		/** The listener failed while the leader slept: the next wait starts another. */
		LISTENER_FAILED,

		/** The relay is stopping. */
		STOPPED,

		/**
		 * The listener had failed: a new one listens now (or the fallback poll passed).
		 */
		LISTENER_RESTARTED

	}

	private static Duration min(Duration a, Duration b) {
		return (a.compareTo(b) <= 0) ? a : b;
	}

}
