package dev.vestline.messaging.outbox;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bounds how long a leader that froze or was cut off keeps the relay lock, and makes a
 * leader that cannot prove it still holds the lock stop relaying.
 * <p>
 * The lock belongs to the leader's session, and PostgreSQL frees it only when the session
 * ends. For a process that died the kernel closes the connection at once; for one that is
 * frozen (SIGSTOP, a VM paused) or cut off, PostgreSQL would notice only through TCP
 * keepalive, two hours by default, and a frozen process's kernel even answers the
 * keepalives. So the lock session is told to end itself: {@code idle_session_timeout} of
 * one lease ends it when no statement arrives for a lease (whatever the network does),
 * and {@code tcp_user_timeout} and keepalives of the same order end it when the network
 * holds up a statement or a result. A standby then takes over within about a lease plus
 * its takeover interval.
 * <p>
 * While leading, a thread of its own proves the session alive every fifth of a lease with
 * a statement on the lock connection (so a leader waiting on Kafka or sleeping is not
 * idle). A check that fails, or no proof for half a lease (the network timeout of the
 * connection), and the lease is lost: the leader's producer is aborted at once, so
 * nothing more it holds goes out, its connection is closed, and it stops relaying. It
 * stops before PostgreSQL could have let another relay take the lock, unless this process
 * itself was frozen, and then what it sent before the freeze is at most sent twice
 * (at-least-once, as after any crash; consumers' inboxes ignore the copy).
 */
final class LeaderLease implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(LeaderLease.class);

	private static final Executor DIRECT = Runnable::run;

	private final Connection connection;

	private final Duration lease;

	private final Runnable onLost;

	private final Thread checker;

	private volatile long lastProof = System.nanoTime();

	private volatile boolean lost;

	private volatile boolean open = true;

	private LeaderLease(Connection connection, Duration lease, Runnable onLost) {
		this.connection = connection;
		this.lease = lease;
		this.onLost = onLost;
		this.checker = Thread.ofPlatform().name("outbox-relay-lease").daemon().unstarted(this::check);
	}

	/**
	 * Sets the lock session's timeouts and starts proving it alive.
	 * @param connection the leader's connection, holding the lock
	 * @param lease how long the session may be idle, or its network stuck
	 * @param onLost run once, on the lease's thread, when the lease is lost
	 * @return the running lease
	 * @throws SQLException when the session could not be set up
	 */
	static LeaderLease start(Connection connection, Duration lease, Runnable onLost) throws SQLException {
		long millis = lease.toMillis();
		try (Statement statement = connection.createStatement()) {
			statement.execute("SET idle_session_timeout = " + millis + "; SET tcp_user_timeout = " + millis
					+ "; SET tcp_keepalives_idle = " + Math.max(1, millis / 3_000) + "; SET tcp_keepalives_interval = "
					+ Math.max(1, millis / 6_000) + "; SET tcp_keepalives_count = 3");
		}
		// a statement (the leader's or a check) held up by the network fails after half a
		// lease instead of hanging for the kernel's retransmission time
		connection.setNetworkTimeout(DIRECT, (int) (millis / 2));
		LeaderLease leaderLease = new LeaderLease(connection, lease, onLost);
		leaderLease.checker.start();
		return leaderLease;
	}

	/**
	 * @return whether the session was proved alive within half a lease
	 */
	boolean held() {
		return !this.lost && System.nanoTime() - this.lastProof < this.lease.toNanos() / 2;
	}

	private void check() {
		long interval = this.lease.toNanos() / 5;
		while (this.open && !this.lost) {
			LockSupport.parkNanos(interval);
			if (!this.open) {
				return;
			}
			long started = System.nanoTime();
			try (Statement statement = this.connection.createStatement()) {
				statement.execute("SELECT 1");
				this.lastProof = started;
			}
			catch (SQLException ex) {
				if (this.open) {
					lose("its session did not answer: " + ex);
				}
				return;
			}
			if (!held() && this.open) {
				lose("it could not prove its session alive for half a lease");
			}
		}
	}

	private void lose(String why) {
		this.lost = true;
		logger.warn("Outbox relay gives up leading: {}", why);
		try {
			this.onLost.run();
		}
		finally {
			try {
				this.connection.abort(DIRECT);
			}
			catch (SQLException ignored) {
				// already gone
			}
		}
	}

	/**
	 * Stops proving; the connection's settings are reset with the lock
	 * ({@link RelayLock#release}).
	 */
	@Override
	public void close() {
		this.open = false;
		LockSupport.unpark(this.checker);
		try {
			this.checker.join(TimeUnit.SECONDS.toMillis(10));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
