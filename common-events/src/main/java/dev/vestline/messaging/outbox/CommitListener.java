package dev.vestline.messaging.outbox;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The outbox trigger's commit notifications, read on a connection and a thread of their
 * own while a relay leads, so that the leader can sleep without being held by the driver.
 * <p>
 * pgjdbc's {@code getNotifications(timeout)} returns only once notifications stop
 * arriving for about a millisecond: when a dense stream of commits begins, one call lasts
 * as long as the stream. This reader calls it with a short timeout, so a call that lasts
 * clearly longer than that timeout is reading a stream: a sleeping leader is woken then,
 * instead of when the stream pauses.
 * <p>
 * An outbox without commits for a second is read in longer slices ({@link #IDLE_SLICE}):
 * a single commit still ends a read at once, and only the start of a dense stream after a
 * quiet second is seen up to {@code IDLE_SLICE} later. Reading in 20 ms slices cost an
 * idle service about 0.8 CPU seconds a minute (the reader and the waiting leader, each
 * woken 50 times a second; measured with {@code /proc/<pid>/task} on approval-service, 7
 * Dec), on every leader of every service, all the time.
 */
final class CommitListener implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(CommitListener.class);

	/** How long one read waits for the first notification while commits come. */
	static final Duration SLICE = Duration.ofMillis(20);

	/** How long one read waits once no notification has come for {@link #IDLE_AFTER}. */
	static final Duration IDLE_SLICE = Duration.ofMillis(100);

	/** How long without a notification before reads take {@link #IDLE_SLICE}. */
	static final Duration IDLE_AFTER = Duration.ofSeconds(1);

	/** How long cleaning the connection may take before it is aborted instead. */
	private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(5);

	/** How much longer than a slice a read may take before it counts as a stream. */
	private static final Duration GRACE = Duration.ofMillis(10);

	private final Connection connection;

	private final Thread reader;

	private final Object lock = new Object();

	/** Notifications read so far; guarded by {@link #lock}. */
	private long commits;

	/** When the current read began, 0 between reads; guarded by {@link #lock}. */
	private long readingSince;

	/**
	 * How long the current read waits for its first notification, in nanoseconds; guarded
	 * by {@link #lock}.
	 */
	private long readingSlice = SLICE.toNanos();

	/**
	 * The read whose length last woke the waiter: a read held up by something else (a
	 * pause of this process) must not wake it over and over; guarded by {@link #lock}.
	 */
	private long wokenForRead;

	private volatile boolean open = true;

	private volatile boolean failed;

	private CommitListener(Connection connection) {
		this.connection = connection;
		this.reader = Thread.ofPlatform().name("outbox-commit-listener").daemon().unstarted(this::read);
	}

	/**
	 * Takes a connection from the pool and listens on it; from when this returns, every
	 * commit to the outbox is counted.
	 * @param dataSource the relay's pool
	 * @param channel the schema's outbox channel
	 * @return the running listener
	 * @throws SQLException when no connection could be had or the LISTEN failed
	 */
	static CommitListener start(DataSource dataSource, String channel) throws SQLException {
		Connection connection = dataSource.getConnection();
		try {
			connection.setAutoCommit(true);
			// a pooled connection may still hold notifications its last user received
			// before it stopped listening: they are not this listener's
			connection.unwrap(PGConnection.class).getNotifications();
			try (Statement statement = connection.createStatement()) {
				statement.execute("LISTEN " + channel);
			}
		}
		catch (SQLException ex) {
			connection.close();
			throw ex;
		}
		CommitListener listener = new CommitListener(connection);
		listener.reader.start();
		return listener;
	}

	/**
	 * @return how many commit notifications have been read so far
	 */
	long commits() {
		synchronized (this.lock) {
			return this.commits;
		}
	}

	/**
	 * @return whether the connection failed: a new listener is needed
	 */
	boolean failed() {
		return this.failed;
	}

	/**
	 * Waits until a notification beyond {@code seen} is read, the reader is reading a
	 * stream of them, the listener failed, or the timeout passes.
	 * @param seen {@link #commits()} when the caller last looked at the outbox
	 * @param timeout how long to wait at most
	 * @param running whether the caller still wants to wait; looked at every slice
	 * @return why the wait ended
	 */
	Wake awaitCommitAfter(long seen, Duration timeout, BooleanSupplier running) {
		long deadline = System.nanoTime() + timeout.toNanos();
		synchronized (this.lock) {
			while (true) {
				if (this.commits != seen) {
					return Wake.COMMIT;
				}
				if (this.failed) {
					return Wake.FAILED;
				}
				if (!running.getAsBoolean()) {
					return Wake.STOPPED;
				}
				long now = System.nanoTime();
				boolean reading = this.readingSince != 0 && this.readingSince != this.wokenForRead;
				long streamAfter = this.readingSlice + GRACE.toNanos();
				if (reading && now - this.readingSince > streamAfter) {
					this.wokenForRead = this.readingSince;
					return Wake.LONG_READ;
				}
				if (now >= deadline) {
					return Wake.TIMEOUT;
				}
				// during a read, until it would count as a stream; between reads, which
				// last microseconds, a slice at most
				long until = Math.min(deadline, reading ? this.readingSince + streamAfter + 1 : now + SLICE.toNanos());
				try {
					TimeUnit.NANOSECONDS.timedWait(this.lock, until - now);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					return Wake.STOPPED;
				}
			}
		}
	}

	private void read() {
		try {
			PGConnection pg = this.connection.unwrap(PGConnection.class);
			long lastNotified = System.nanoTime();
			while (this.open) {
				long start = System.nanoTime();
				Duration slice = (start - lastNotified > IDLE_AFTER.toNanos()) ? IDLE_SLICE : SLICE;
				synchronized (this.lock) {
					this.readingSince = start;
					this.readingSlice = slice.toNanos();
				}
				PGNotification[] notifications = pg.getNotifications((int) slice.toMillis());
				boolean notified = notifications != null && notifications.length > 0;
				synchronized (this.lock) {
					this.readingSince = 0;
					if (notified) {
						this.commits += notifications.length;
						this.lock.notifyAll();
					}
				}
				if (notified) {
					lastNotified = System.nanoTime();
				}
			}
		}
		catch (SQLException ex) {
			if (this.open) {
				logger.warn("Outbox commit listener lost its connection; the relay will open another", ex);
			}
			synchronized (this.lock) {
				this.failed = true;
				this.readingSince = 0;
				this.lock.notifyAll();
			}
		}
	}

	/** Stops reading and gives the connection back to the pool, no longer listening. */
	@Override
	public void close() {
		this.open = false;
		// a relay being stopped was interrupted: let the reader finish its slice anyway,
		// so that the connection goes back to the pool clean
		boolean interrupted = Thread.interrupted();
		try {
			this.reader.join(IDLE_SLICE.multipliedBy(10).toMillis());
		}
		catch (InterruptedException ex) {
			interrupted = true;
		}
		finally {
			if (interrupted) {
				Thread.currentThread().interrupt();
			}
		}
		if (this.reader.isAlive()) {
			// still reading a stream: closing the socket ends the read
			abort();
			return;
		}
		try (Statement statement = this.connection.createStatement()) {
			// a frozen or cut-off network must not hold up the relay that stops listening
			this.connection.setNetworkTimeout(Runnable::run, (int) CLOSE_TIMEOUT.toMillis());
			statement.execute("UNLISTEN *");
			// the ones that came in before the UNLISTEN must not stay with the pool
			this.connection.unwrap(PGConnection.class).getNotifications();
		}
		catch (SQLException ex) {
			abort();
		}
		try {
			this.connection.close();
		}
		catch (SQLException ex) {
			logger.debug("Could not return the commit listener's connection", ex);
		}
	}

	/** Why {@link #awaitCommitAfter} returned. */
	enum Wake {

		/** A commit notification beyond the caller's count was read. */
		COMMIT,

		/**
		 * A read took clearly longer than a slice: a dense stream of commits, or this
		 * process was held up (a busy machine, a GC pause); the caller looks once.
		 */
		LONG_READ,

		/** The timeout passed without either. */
		TIMEOUT,

		/** The listener's connection failed. */
		FAILED,

		/** The caller no longer wants to wait, or was interrupted. */
		STOPPED

	}

	private void abort() {
		try {
			this.connection.abort(Runnable::run);
		}
		catch (SQLException ignored) {
			// already gone
		}
	}

}
