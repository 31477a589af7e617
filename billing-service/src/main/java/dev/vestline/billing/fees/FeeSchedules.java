package dev.vestline.billing.fees;

import java.sql.Timestamp;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.core.simple.JdbcClient.StatementSpec;
import org.springframework.stereotype.Repository;

/**
 * The {@code fee_schedule} table; updates are conditional on the version read.
 */
@Repository
class FeeSchedules {

	private final JdbcClient jdbc;

	FeeSchedules(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<FeeSchedule> find(UUID vehicleId) {
		return this.jdbc.sql("""
				SELECT vehicle_id, currency, subscription_fee_bps, subscription_fee_minimum, management_fee_bps,
				       version, updated_by, updated_at
				  FROM fee_schedule WHERE vehicle_id = :vehicle
				""")
			.param("vehicle", vehicleId)
			.query((rs, n) -> new FeeSchedule(rs.getObject(1, UUID.class), rs.getString(2), rs.getInt(3),
					rs.getBigDecimal(4), rs.getInt(5), rs.getLong(6), rs.getString(7), rs.getTimestamp(8).toInstant()))
			.optional();
	}

	/**
	 * @return false when the vehicle already has a schedule
	 */
	boolean insert(FeeSchedule schedule) {
		return bind(this.jdbc.sql("""
				INSERT INTO fee_schedule (vehicle_id, currency, subscription_fee_bps, subscription_fee_minimum,
				                          management_fee_bps, version, updated_by, updated_at)
				VALUES (:vehicle, :currency, :subBps, :subMin, :mgmtBps, 0, :by, :at)
				ON CONFLICT (vehicle_id) DO NOTHING
				"""), schedule).update() == 1;
	}

	/**
	 * @return false when the schedule is no longer at the expected version
	 */
	boolean update(FeeSchedule schedule, long expectedVersion) {
		return bind(this.jdbc.sql("""
				UPDATE fee_schedule
				   SET currency = :currency, subscription_fee_bps = :subBps, subscription_fee_minimum = :subMin,
				       management_fee_bps = :mgmtBps, updated_by = :by, updated_at = :at, version = version + 1
				 WHERE vehicle_id = :vehicle AND version = :version
				"""), schedule).param("version", expectedVersion).update() == 1;
	}

	/** Binds the schedule's columns, which inserting and updating write alike. */
	private static StatementSpec bind(StatementSpec statement, FeeSchedule schedule) {
		return statement.param("vehicle", schedule.vehicleId())
			.param("currency", schedule.currency())
			.param("subBps", schedule.subscriptionFeeBps())
			.param("subMin", schedule.subscriptionFeeMinimum())
			.param("mgmtBps", schedule.managementFeeBps())
			.param("by", schedule.updatedBy())
			.param("at", Timestamp.from(schedule.updatedAt()));
	}

}
