package dev.vestline.messaging.outbox;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

import org.postgresql.PGConnection;

/**
 * How the leader waits for new rows once the outbox is drained: it looks again after 1,
 * 2, then every 4 ms for {@link RelaySettings#pollBeforeListening()}, and only then
 * {@code LISTEN}s for the commit notification of the outbox trigger, up to
 * {@link RelaySettings#fallbackPoll()}. As soon as it has work again it stops listening.
 * <p>
 * Why not always listen: pgjdbc's {@code getNotifications(timeout)} goes on reading for
 * as long as further notifications keep arriving within about a millisecond, so under a
 * steady stream of commits one wait lasts about as long as the stream, while the rows
 * pile up (the benchmarks' {@code NotificationProbe}, pgjdbc 42.7.14: at 1,000
 * notifications/s one call took 31 ms at the median and up to 509 ms); and notifications
 * that reach a busy leader pile up in the driver until it next waits. While commits keep
 * coming, polling finds them within a millisecond or so; while the outbox is quiet,
 * notifications are sparse and wake the leader at once. Left: when a dense stream
 * (1,000/s and more) begins while the leader sleeps, its first wake is held the same way
 * (16 to 271 ms in the probe); from then on it polls.
 * <p>
 * No commit is missed between polling and listening: after {@code LISTEN} the leader
 * claims once more before it waits, so a commit made before the {@code LISTEN} took
 * effect is claimed, and every later one notifies.
 */
final class IdleWait {

	private static final Duration FIRST_POLL = Duration.ofMillis(1);

	private static final Duration LONGEST_POLL = Duration.ofMillis(4);

	private static final int NOTIFICATION_SLICE_MILLIS = 200;

	private final Connection connection;

	private final String channel;

	private final Duration pollBeforeListening;

	private final Duration fallbackPoll;

	private final BooleanSupplier running;

	private long idleSince = -1;

	private Duration nextPoll = FIRST_POLL;

	private boolean listening;

	/**
	 * @param connection the leader's connection
	 * @param channel the schema's outbox notification channel
	 * @param settings how long to poll and how long to wait
	 * @param running whether the relay should go on waiting
	 */
	IdleWait(Connection connection, String channel, RelaySettings settings, BooleanSupplier running) {
		this.connection = connection;
		this.channel = channel;
		this.pollBeforeListening = settings.pollBeforeListening();
		this.fallbackPoll = settings.fallbackPoll();
		this.running = running;
	}

	/**
	 * The leader found work: the next idle period polls from the start, and no
	 * notification is needed until then.
	 */
	void busy() throws SQLException {
		this.idleSince = -1;
		this.nextPoll = FIRST_POLL;
		if (this.listening) {
			execute("UNLISTEN " + this.channel);
			this.listening = false;
		}
	}

	/**
	 * One step of waiting while the outbox is drained; the leader claims again after
	 * each.
	 */
	void await() throws SQLException {
		long now = System.nanoTime();
		if (this.idleSince < 0) {
			this.idleSince = now;
		}
		if (now - this.idleSince < this.pollBeforeListening.toNanos()) {
			LockSupport.parkNanos(this.nextPoll.toNanos());
			this.nextPoll = min(this.nextPoll.multipliedBy(2), LONGEST_POLL);
		}
		else if (!this.listening) {
			// notifications received before the last UNLISTEN are stale: drop them
			pg().getNotifications();
			execute("LISTEN " + this.channel);
			this.listening = true;
			// no wait now: the leader claims once more, for commits before the LISTEN
		}
		else {
			awaitNotification();
		}
	}

	private void awaitNotification() throws SQLException {
		long deadline = System.nanoTime() + this.fallbackPoll.toNanos();
		// short slices, so that stop() is honoured promptly
		while (this.running.getAsBoolean() && System.nanoTime() < deadline) {
			var notifications = pg().getNotifications(NOTIFICATION_SLICE_MILLIS);
			if (notifications != null && notifications.length > 0) {
				return;
			}
		}
	}

	private PGConnection pg() throws SQLException {
		return this.connection.unwrap(PGConnection.class);
	}

	private void execute(String sql) throws SQLException {
		try (Statement statement = this.connection.createStatement()) {
			statement.execute(sql);
		}
	}

	private static Duration min(Duration a, Duration b) {
		return (a.compareTo(b) <= 0) ? a : b;
	}

}
