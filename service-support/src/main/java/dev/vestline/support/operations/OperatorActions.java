package dev.vestline.support.operations;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The audit of operator actions, in the service's {@code operator_action} table. An
 * action is recorded on the connection that does it where it has one
 * ({@link #record(JdbcClient, Operator, String, String, String, String)}), so that the
 * action and its record are committed together; otherwise in the surrounding Spring
 * transaction, if any.
 */
public class OperatorActions {

	private final JdbcClient jdbc;

	private final Clock clock;

	public OperatorActions(DataSource dataSource, Clock clock) {
		this.jdbc = JdbcClient.create(dataSource);
		this.clock = clock;
	}

	/**
	 * Records an action taken by the caller of the current request.
	 * @param action what, e.g. {@code mail.resend}
	 * @param target to what
	 * @param reason why, where the action takes one
	 * @param outcome what came of it, in words
	 */
	public void record(String action, String target, @Nullable String reason, String outcome) {
		record(this.jdbc, Operator.current(), action, target, reason, outcome);
	}

	/**
	 * Records an action on the given connection, in its transaction.
	 */
	public void record(JdbcClient on, Operator operator, String action, String target, @Nullable String reason,
			String outcome) {
		on.sql("""
				INSERT INTO operator_action (taken_at, actor, actor_name, action, target, reason, outcome)
				VALUES (?, ?, ?, ?, ?, ?, ?)
				""")
			.params(Timestamp.from(this.clock.instant()), operator.subject(), operator.name(), action, target, reason,
					outcome)
			.update();
	}

	/**
	 * @param before only actions older than this one (the cursor), or all
	 * @param limit at most this many
	 * @return the actions, newest first
	 */
	public List<OperatorAction> page(@Nullable Long before, int limit) {
		return this.jdbc.sql("""
				SELECT id, taken_at, actor, actor_name, action, target, reason, outcome
				  FROM operator_action
				 WHERE CAST(:before AS bigint) IS NULL OR id < CAST(:before AS bigint)
				 ORDER BY id DESC
				 LIMIT :limit
				""").param("before", before).param("limit", limit).query(OperatorActions::action).list();
	}

	private static OperatorAction action(ResultSet rs, int rowNum) throws SQLException {
		return new OperatorAction(rs.getLong("id"), rs.getTimestamp("taken_at").toInstant(), rs.getString("actor"),
				rs.getString("actor_name"), rs.getString("action"), rs.getString("target"), rs.getString("reason"),
				rs.getString("outcome"));
	}

}
