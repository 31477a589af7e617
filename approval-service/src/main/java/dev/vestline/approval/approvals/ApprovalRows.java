package dev.vestline.approval.approvals;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import dev.vestline.events.Money;
import dev.vestline.events.approval.ApprovalKind;

/**
 * Reads {@code approval} rows, with their deciders, as {@link Approval}s.
 */
public final class ApprovalRows {

	/** Selects approvals as {@code a} with their deciders; append the WHERE clause. */
	public static final String SELECT = """
			SELECT a.*, ARRAY(SELECT s.decided_by FROM approval_step s
			                   WHERE s.approval_id = a.id ORDER BY s.step) AS deciders
			  FROM approval a
			""";

	private ApprovalRows() {
	}

	public static Approval map(ResultSet rs, int row) throws SQLException {
		BigDecimal amount = rs.getBigDecimal("amount");
		Money money = (amount != null) ? new Money(amount, rs.getString("currency")) : null;
		return new Approval(rs.getObject("id", UUID.class), rs.getObject("deal_id", UUID.class),
				rs.getObject("vehicle_id", UUID.class), rs.getString("investor_id"),
				ApprovalKind.valueOf(rs.getString("kind")), rs.getObject("subscription_id", UUID.class), money,
				strings(rs.getArray("steps")), strings(rs.getArray("deciders")),
				ApprovalStatus.valueOf(rs.getString("status")), rs.getBigDecimal("reserved_amount"),
				rs.getString("requested_by"), instant(rs.getTimestamp("requested_at")),
				instant(rs.getTimestamp("expires_at")), rs.getString("granted_by"),
				nullableInstant(rs.getTimestamp("granted_at")), nullableInstant(rs.getTimestamp("executed_at")),
				rs.getObject("workflow_id", UUID.class), rs.getString("ended_by"),
				nullableInstant(rs.getTimestamp("ended_at")), rs.getString("end_reason"), rs.getString("reopen_reason"),
				nullableInstant(rs.getTimestamp("reopened_at")), rs.getString("cancel_requested_by"),
				nullableInstant(rs.getTimestamp("cancel_requested_at")), rs.getString("cancel_reason"),
				rs.getLong("version"));
	}

	private static List<String> strings(Array array) throws SQLException {
		return List.of((String[]) array.getArray());
	}

	private static Instant instant(Timestamp timestamp) {
		return timestamp.toInstant();
	}

	private static @Nullable Instant nullableInstant(@Nullable Timestamp timestamp) {
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

}
