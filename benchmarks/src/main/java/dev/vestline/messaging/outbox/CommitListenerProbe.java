package dev.vestline.messaging.outbox;

import java.sql.SQLException;
import java.time.Duration;

import javax.sql.DataSource;

/**
 * The relay's {@link CommitListener}, seen from the benchmarks module (the same package,
 * since the listener is not public): how soon after a stream of notifications begins it
 * wakes a waiter.
 */
public final class CommitListenerProbe {

	private CommitListenerProbe() {
	}

	/**
	 * Starts listening on the channel and waits for one wake.
	 * @param dataSource where to take the listener's connection from
	 * @param channel the channel to listen on
	 * @return when the waiter woke, {@link System#nanoTime()}
	 * @throws SQLException when the listener could not listen
	 */
	public static long wake(DataSource dataSource, String channel) throws SQLException {
		try (CommitListener listener = CommitListener.start(dataSource, channel)) {
			long seen = listener.commits();
			listener.awaitCommitAfter(seen, Duration.ofSeconds(30), () -> true);
			return System.nanoTime();
		}
	}

}
