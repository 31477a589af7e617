package dev.vestline.billing.fees;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Signed subscriptions waiting for their vehicle's fee schedule. Parking and pricing
 * serialize on a per-vehicle transaction advisory lock, so a signing racing the
 * schedule's creation is either priced by the signing or parked before the creation
 * looks: never lost in between.
 */
@Repository
class UnpricedSubscriptions {

	private final JdbcClient jdbc;

	UnpricedSubscriptions(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Holds the vehicle's pricing lock until the transaction ends. */
	void lockVehicle(UUID vehicleId) {
		this.jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended('billing.vehicle:' || :vehicle, 0))")
			.param("vehicle", vehicleId.toString())
			.query((rs, n) -> 1)
			.single();
	}

	void park(Unpriced subscription) {
		this.jdbc.sql("""
				INSERT INTO unpriced_subscription (subscription_id, investor_id, vehicle_id, commitment, currency,
				                                   signed_at)
				VALUES (:subscription, :investor, :vehicle, :commitment, :currency, :at)
				ON CONFLICT (subscription_id) DO NOTHING
				""")
			.param("subscription", subscription.subscriptionId())
			.param("investor", subscription.investorId())
			.param("vehicle", subscription.vehicleId())
			.param("commitment", subscription.commitment())
			.param("currency", subscription.currency())
			.param("at", Timestamp.from(subscription.signedAt()))
			.update();
	}

	/** Removes and returns the vehicle's parked subscriptions. */
	List<Unpriced> take(UUID vehicleId) {
		return this.jdbc.sql("""
				DELETE FROM unpriced_subscription WHERE vehicle_id = :vehicle
				RETURNING subscription_id, investor_id, vehicle_id, commitment, currency, signed_at
				""")
			.param("vehicle", vehicleId)
			.query((rs, n) -> new Unpriced(rs.getObject(1, UUID.class), rs.getString(2), rs.getObject(3, UUID.class),
					rs.getBigDecimal(4), rs.getString(5), rs.getTimestamp(6).toInstant()))
			.list();
	}

	/**
	 * @param subscriptionId the subscription
	 * @param investorId its investor
	 * @param vehicleId its vehicle
	 * @param commitment the amount subscribed
	 * @param currency its currency
	 * @param signedAt when the pack was signed
	 */
	record Unpriced(UUID subscriptionId, String investorId, UUID vehicleId, BigDecimal commitment, String currency,
			Instant signedAt) {
	}

}
