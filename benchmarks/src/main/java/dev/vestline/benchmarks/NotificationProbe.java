package dev.vestline.benchmarks;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import dev.vestline.messaging.outbox.CommitListenerProbe;
import dev.vestline.testharness.SchemaUnderTest;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How long pgjdbc's {@code getNotifications(timeout)} holds its caller while
 * notifications keep coming, on the embedded PostgreSQL: the reason the outbox relay
 * polls while commits keep coming and reads notifications on a thread of its own
 * ({@code IdleWait}, {@code CommitListener}).
 * <ol>
 * <li>A steady stream: four connections {@code NOTIFY} at a fixed rate; a listener calls
 * {@code getNotifications(200)} and one short statement in turn, as the relay did. How
 * long does one call take?</li>
 * <li>A burst after a quiet spell: the listener waits, then four connections start to
 * {@code NOTIFY} at a fixed rate. How long after the first notification does the call
 * return? And how long does the relay's {@code CommitListener} take to wake its
 * waiter?</li>
 * </ol>
 * {@code ./mvnw -B -Pbenchmarks -pl benchmarks exec:exec -Dbench.main=dev.vestline.benchmarks.NotificationProbe}
 */
public final class NotificationProbe {

	private static final Logger logger = LoggerFactory.getLogger(NotificationProbe.class);

	private static final int NOTIFIERS = 4;

	/**
	 * Longer than a second: pgjdbc looks for more pending input at most once a second.
	 */
	private static final Duration QUIET = Duration.ofMillis(1_500);

	private NotificationProbe() {
	}

	public static void main(String[] args) throws Exception {
		try (SchemaUnderTest schema = SchemaUnderTest.create("probe")) {
			HikariDataSource dataSource = schema.dataSource();
			for (int rate : new int[] { 200, 1_000, 3_000 }) {
				steadyStream(dataSource, rate, 10);
			}
			for (int rate : new int[] { 1_000, 3_000 }) {
				for (int run = 1; run <= 3; run++) {
					burstAfterQuiet(dataSource, rate, run);
				}
				for (int run = 1; run <= 3; run++) {
					burstAfterQuietThroughTheRelaysListener(dataSource, rate, run);
				}
			}
		}
		System.exit(0);
	}

	private static void steadyStream(HikariDataSource dataSource, int rate, int seconds) throws Exception {
		String channel = "probe_steady_" + rate;
		try (Connection listener = listening(dataSource, channel)) {
			PGConnection pg = listener.unwrap(PGConnection.class);
			long start = System.nanoTime();
			List<Thread> notifiers = notify(dataSource, channel, rate, seconds, start);
			List<Double> calls = new ArrayList<>();
			int most = 0;
			while (System.nanoTime() - start < seconds * 1_000_000_000L) {
				long before = System.nanoTime();
				PGNotification[] received = pg.getNotifications(200);
				calls.add((System.nanoTime() - before) / 1e6);
				most = Math.max(most, (received != null) ? received.length : 0);
				try (Statement statement = listener.createStatement()) {
					statement.execute("SELECT 1");
				}
			}
			join(notifiers);
			double[] sorted = calls.stream().mapToDouble(Double::doubleValue).sorted().toArray();
			logger.info(
					"PROBE steady stream of {} notifications/s for {} s: {} calls of getNotifications(200), "
							+ "p50 {} ms, p99 {} ms, max {} ms; most notifications returned by one call: {}",
					rate, seconds, sorted.length, millis(sorted, 0.5), millis(sorted, 0.99), millis(sorted, 1.0), most);
		}
	}

	private static void burstAfterQuiet(HikariDataSource dataSource, int rate, int run) throws Exception {
		String channel = "probe_burst_" + rate + "_" + run;
		try (Connection listener = listening(dataSource, channel)) {
			PGConnection pg = listener.unwrap(PGConnection.class);
			long burst = System.nanoTime() + QUIET.toNanos();
			List<Thread> notifiers = notify(dataSource, channel, rate, 2, burst);
			PGNotification[] received;
			do {
				received = pg.getNotifications(200);
			}
			while (received == null || received.length == 0);
			double woke = (System.nanoTime() - burst) / 1e6;
			join(notifiers);
			logger.info(
					"PROBE burst of {} notifications/s after {} ms of quiet: the waiting call returned {} ms "
							+ "after the burst began, with {} notifications",
					rate, QUIET.toMillis(), "%.1f".formatted(woke), received.length);
		}
	}

	/**
	 * The same burst, read by the relay's {@code CommitListener}, which wakes its waiter
	 * when one read lasts clearly longer than its timeout.
	 */
	private static void burstAfterQuietThroughTheRelaysListener(HikariDataSource dataSource, int rate, int run)
			throws Exception {
		String channel = "probe_listener_" + rate + "_" + run;
		// the notifiers connect first: connecting takes CPU that would delay the
		// listener's reads (a read held past its timeout looks like a stream to it)
		long burst = System.nanoTime() + QUIET.toNanos();
		List<Thread> notifiers = notify(dataSource, channel, rate, 2, burst);
		Thread.sleep(QUIET.dividedBy(3).toMillis());
		long woke = CommitListenerProbe.wake(dataSource, channel);
		join(notifiers);
		logger.info(
				"PROBE burst of {} notifications/s after {} ms of quiet, through the relay's listener: "
						+ "woke {} ms after the burst began",
				rate, QUIET.toMillis(), "%.1f".formatted((woke - burst) / 1e6));
	}

	/**
	 * A session of its own, outside the pool, so that no pooled connection is left
	 * listening.
	 */
	private static Connection listening(HikariDataSource pool, String channel) throws SQLException {
		Connection connection = DriverManager.getConnection(pool.getJdbcUrl(), pool.getUsername(), pool.getPassword());
		try (Statement statement = connection.createStatement()) {
			statement.execute("LISTEN " + channel);
		}
		return connection;
	}

	/** The n-th notification is due at start + n / rate, spread over four connections. */
	private static List<Thread> notify(DataSource dataSource, String channel, int rate, int seconds, long start) {
		long interval = 1_000_000_000L / rate;
		List<Thread> threads = new ArrayList<>();
		for (int t = 0; t < NOTIFIERS; t++) {
			int first = t;
			threads.add(Thread.ofPlatform().name("notifier-" + t).start(() -> {
				try (Connection connection = dataSource.getConnection();
						Statement statement = connection.createStatement()) {
					connection.setAutoCommit(true);
					for (long n = first; n < (long) rate * seconds; n += NOTIFIERS) {
						// parkNanos may return early (a pool's hand-off can leave a
						// permit)
						long due = start + n * interval;
						for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
							LockSupport.parkNanos(wait);
						}
						statement.execute("NOTIFY " + channel);
					}
				}
				catch (SQLException ex) {
					throw new IllegalStateException(ex);
				}
			}));
		}
		return threads;
	}

	private static void join(List<Thread> threads) throws InterruptedException {
		for (Thread thread : threads) {
			thread.join();
		}
	}

	private static String millis(double[] sorted, double quantile) {
		int index = Math.max(0, Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1));
		return "%.1f".formatted(sorted[index]);
	}

}
