package dev.vestline.billing.fees;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Which funded subscriptions still owe a period's management fee. A period is accrued
 * once: a fee of any status for it (even a cancelled one) means done.
 */
@Repository
class ManagementFeeQueries {

	private final JdbcClient jdbc;

	ManagementFeeQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<UUID> vehiclesDue(String period) {
		return this.jdbc.sql("""
				SELECT DISTINCT s.vehicle_id
				  FROM funded_subscription s
				  JOIN fee_schedule fs ON fs.vehicle_id = s.vehicle_id AND fs.currency = s.currency
				 WHERE fs.management_fee_bps > 0 AND s.total_funded > 0 AND s.commitment > 0
				   AND NOT EXISTS (SELECT 1 FROM fee f WHERE f.subscription_id = s.subscription_id
				                      AND f.fee_type = 'MANAGEMENT' AND f.period = :period)
				 ORDER BY s.vehicle_id
				""").param("period", period).query(UUID.class).list();
	}

	/**
	 * Locks the next batch of a vehicle's subscriptions that owe the period's fee,
	 * skipping rows another job holds; {@code after} moves the keyset forward so every
	 * row is seen once per pass. Only subscriptions in the schedule's currency: a fee is
	 * computed on the commitment and booked in the schedule's currency, so one in another
	 * currency would mix them.
	 */
	List<Due> claim(UUID vehicleId, String currency, String period, UUID after, int limit) {
		return this.jdbc.sql("""
				SELECT s.subscription_id, s.investor_id, s.commitment
				  FROM funded_subscription s
				 WHERE s.vehicle_id = :vehicle AND s.currency = :currency AND s.subscription_id > :after
				   AND s.total_funded > 0 AND s.commitment > 0
				   AND NOT EXISTS (SELECT 1 FROM fee f WHERE f.subscription_id = s.subscription_id
				                      AND f.fee_type = 'MANAGEMENT' AND f.period = :period)
				 ORDER BY s.subscription_id
				 LIMIT :limit
				   FOR UPDATE OF s SKIP LOCKED
				""")
			.param("vehicle", vehicleId)
			.param("currency", currency)
			.param("after", after)
			.param("period", period)
			.param("limit", limit)
			.query((rs, n) -> new Due(rs.getObject(1, UUID.class), rs.getString(2), rs.getBigDecimal(3)))
			.list();
	}

	/**
	 * @return funded subscriptions that owe management fees but cannot be charged them:
	 * their vehicle's schedule is in another currency
	 */
	List<Mismatch> currencyMismatches() {
		return this.jdbc.sql("""
				SELECT s.subscription_id, s.vehicle_id, s.currency, fs.currency
				  FROM funded_subscription s
				  JOIN fee_schedule fs ON fs.vehicle_id = s.vehicle_id AND fs.currency <> s.currency
				 WHERE fs.management_fee_bps > 0 AND s.total_funded > 0 AND s.commitment > 0
				 ORDER BY s.subscription_id
				""")
			.query((rs, n) -> new Mismatch(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
					rs.getString(4)))
			.list();
	}

	/**
	 * @param subscriptionId the subscription
	 * @param vehicleId its vehicle
	 * @param currency the subscription's currency
	 * @param scheduleCurrency the currency of the vehicle's fee schedule
	 */
	record Mismatch(UUID subscriptionId, UUID vehicleId, String currency, String scheduleCurrency) {
	}

	/**
	 * @param subscriptionId the subscription
	 * @param investorId its investor
	 * @param commitment the fee's base
	 */
	record Due(UUID subscriptionId, String investorId, BigDecimal commitment) {
	}

}
