package dev.vestline.messaging.outbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The session advisory lock that makes one relay per schema the active one. It is held by
 * a connection, not a transaction, and PostgreSQL frees it when the session ends.
 */
final class RelayLock {

	private RelayLock() {
	}

	static boolean tryAcquire(Connection connection) throws SQLException {
		try (PreparedStatement statement = connection
			.prepareStatement("SELECT pg_try_advisory_lock(hashtext('vestline.outbox.' || current_schema()))");
				ResultSet result = statement.executeQuery()) {
			result.next();
			return result.getBoolean(1);
		}
	}

	/**
	 * Gives up leadership on a connection that is about to return to its pool, with the
	 * lease's session settings reset ({@link LeaderLease}). When the session cannot be
	 * cleaned (it may be dead, which frees the lock anyway), the connection is aborted,
	 * so no pooled session ever keeps the lock, a LISTEN or an idle timeout.
	 */
	static void release(Connection connection) {
		try (Statement statement = connection.createStatement()) {
			statement.execute("UNLISTEN *; SELECT pg_advisory_unlock_all(); RESET idle_session_timeout; "
					+ "RESET tcp_user_timeout; RESET tcp_keepalives_idle; RESET tcp_keepalives_interval; "
					+ "RESET tcp_keepalives_count");
		}
		catch (SQLException ex) {
			try {
				connection.abort(Runnable::run);
			}
			catch (SQLException ignored) {
				// already gone: PostgreSQL ended the session and released its locks
			}
		}
	}

	/**
	 * @return the NOTIFY channel of the connection's schema, as the outbox trigger names
	 * it
	 */
	static String channel(Connection connection) throws SQLException {
		try (PreparedStatement statement = connection
			.prepareStatement("SELECT quote_ident('vestline_outbox_' || current_schema())");
				ResultSet result = statement.executeQuery()) {
			result.next();
			return result.getString(1);
		}
	}

}
