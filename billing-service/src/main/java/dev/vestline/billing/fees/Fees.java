package dev.vestline.billing.fees;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.vestline.events.billing.FeeType;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code fee} table. Accrual inserts only when no active fee of the same
 * (subscription, type, period) exists, enforced by the partial unique index
 * {@code fee_one_active}.
 */
@Repository
public class Fees {

	private static final String COLUMNS = """
			id, subscription_id, investor_id, vehicle_id, fee_type, period, amount, currency, status,
			invoice_id, accrued_at, cancel_reason, version
			""";

	private final JdbcClient jdbc;

	Fees(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * @return false when an active fee of the same kind already stands
	 */
	boolean accrue(Fee fee) {
		return this.jdbc.sql("""
				INSERT INTO fee (id, subscription_id, investor_id, vehicle_id, fee_type, period, amount, currency,
				                 status, accrued_at)
				VALUES (:id, :subscription, :investor, :vehicle, :type, :period, :amount, :currency, 'ACCRUED', :at)
				ON CONFLICT (subscription_id, fee_type, coalesce(period, '')) WHERE status <> 'CANCELLED'
				DO NOTHING
				""")
			.param("id", fee.id())
			.param("subscription", fee.subscriptionId())
			.param("investor", fee.investorId())
			.param("vehicle", fee.vehicleId())
			.param("type", fee.feeType().name())
			.param("period", fee.period())
			.param("amount", fee.amount())
			.param("currency", fee.currency())
			.param("at", Timestamp.from(fee.accruedAt()))
			.update() == 1;
	}

	/**
	 * @return false unless the fee was ACCRUED at that version
	 */
	boolean cancel(UUID id, long expectedVersion, String reason, String by, Instant at) {
		return this.jdbc.sql("""
				UPDATE fee
				   SET status = 'CANCELLED', cancel_reason = :reason, cancelled_by = :by, cancelled_at = :at,
				       version = version + 1
				 WHERE id = :id AND status = 'ACCRUED' AND version = :version
				""")
			.param("id", id)
			.param("reason", reason)
			.param("by", by)
			.param("at", Timestamp.from(at))
			.param("version", expectedVersion)
			.update() == 1;
	}

	public Optional<Fee> find(UUID id) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM fee WHERE id = :id")
			.param("id", id)
			.query(Fees::fee)
			.optional();
	}

	/** A keyset page of a subscription's fees, oldest first (ids are time-ordered). */
	List<Fee> ofSubscription(UUID subscriptionId, @Nullable UUID after, int limit) {
		return this.jdbc.sql("SELECT " + COLUMNS + """
				  FROM fee
				 WHERE subscription_id = :subscription AND (CAST(:after AS uuid) IS NULL OR id > :after)
				 ORDER BY id LIMIT :limit
				""")
			.param("subscription", subscriptionId)
			.param("after", after)
			.param("limit", limit)
			.query(Fees::fee)
			.list();
	}

	static Fee fee(ResultSet rs, int row) throws SQLException {
		return new Fee(rs.getObject("id", UUID.class), rs.getObject("subscription_id", UUID.class),
				rs.getString("investor_id"), rs.getObject("vehicle_id", UUID.class),
				FeeType.valueOf(rs.getString("fee_type")), rs.getString("period"), rs.getBigDecimal("amount"),
				rs.getString("currency"), rs.getString("status"), rs.getObject("invoice_id", UUID.class),
				rs.getTimestamp("accrued_at").toInstant(), rs.getString("cancel_reason"), rs.getLong("version"));
	}

}
