package dev.vestline.messaging.deadletters;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.function.Function;

import javax.sql.DataSource;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * The replay lock of a dead-letter topic: a PostgreSQL advisory lock, taken across every
 * replica, for the transaction that writes the topic's progress, so that one replay or
 * discard of a topic runs at a time.
 */
final class ReplayLock {

	private final DataSource dataSource;

	ReplayLock(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	/**
	 * Runs work holding the topic's replay lock, taken across every replica, in a
	 * transaction that commits the progress it wrote when it succeeds.
	 * @throws ReplayRunningException when the lock is held elsewhere
	 */
	<T> T holding(DeadLetterTopic topic, Function<JdbcClient, T> work) {
		try (Connection connection = this.dataSource.getConnection()) {
			connection.setAutoCommit(false);
			boolean done = false;
			try {
				if (!tryLock(connection, topic)) {
					throw new ReplayRunningException(topic.name());
				}
				T result = work.apply(JdbcClient.create(new SingleConnectionDataSource(connection, true)));
				done = true;
				return result;
			}
			finally {
				// ends the transaction, which frees the lock
				if (done) {
					connection.commit();
				}
				else {
					connection.rollback();
				}
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not take the replay lock of " + topic.name(), ex);
		}
	}

	private static boolean tryLock(Connection connection, DeadLetterTopic topic) throws SQLException {
		try (PreparedStatement statement = connection
			.prepareStatement("SELECT pg_try_advisory_xact_lock(hashtext('vestline.dead-letters'), hashtext(?))")) {
			statement.setString(1, topic.name());
			try (ResultSet result = statement.executeQuery()) {
				result.next();
				return result.getBoolean(1);
			}
		}
	}

}
