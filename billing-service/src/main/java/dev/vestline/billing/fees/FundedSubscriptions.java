package dev.vestline.billing.fees;

import java.sql.Timestamp;

import dev.vestline.events.reconciliation.SubscriptionFunded;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The projection of funded subscriptions that management fees are accrued on. A later
 * funding (or reversal) replaces the total; an older one arriving late changes nothing.
 */
@Repository
public class FundedSubscriptions {

	private final JdbcClient jdbc;

	FundedSubscriptions(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * @param funded the event
	 */
	public void record(SubscriptionFunded funded) {
		this.jdbc.sql("""
				INSERT INTO funded_subscription (subscription_id, investor_id, vehicle_id, commitment, total_funded,
				                                 currency, first_funded_at, last_funded_at)
				VALUES (:subscription, :investor, :vehicle, :commitment, :total, :currency, :at, :at)
				ON CONFLICT (subscription_id) DO UPDATE
				   SET total_funded = excluded.total_funded, commitment = excluded.commitment,
				       last_funded_at = excluded.last_funded_at
				 WHERE funded_subscription.last_funded_at <= excluded.last_funded_at
				""")
			.param("subscription", funded.subscriptionId())
			.param("investor", funded.investorId())
			.param("vehicle", funded.vehicleId())
			.param("commitment", funded.commitment().amount())
			.param("total", funded.totalFunded().amount())
			.param("currency", funded.commitment().currency())
			.param("at", Timestamp.from(funded.fundedAt()))
			.update();
	}

}
