package dev.vestline.reconciliation.expectations;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import dev.vestline.events.signature.SigningWorkflowCompleted;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The expected subscription commitments.
 */
@Repository
public class Subscriptions {

	private final JdbcClient jdbc;

	Subscriptions(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * @return false when the subscription was already expected (a redelivery or
	 * re-signing)
	 */
	boolean expect(SigningWorkflowCompleted completed, Instant now) {
		return this.jdbc.sql("""
				INSERT INTO subscription (id, investor_id, vehicle_id, commitment, currency, workflow_id, expected_at)
				VALUES (?, ?, ?, ?, ?, ?, ?)
				ON CONFLICT (id) DO NOTHING
				""")
			.params(completed.subscriptionId(), completed.investorId(), completed.vehicleId(),
					completed.amount().amount(), completed.amount().currency(), completed.workflowId(),
					Timestamp.from(now))
			.update() == 1;
	}

	public Optional<Subscription> find(UUID id) {
		return this.jdbc.sql("""
				SELECT id, investor_id, vehicle_id, commitment, currency, funded, version
				  FROM subscription WHERE id = ?
				""").param(id).query(Subscription.class).optional();
	}

	/**
	 * Adds a funding (negative to take one back) in one UPDATE, so concurrent fundings of
	 * one subscription all count.
	 * @param id the subscription
	 * @param amount the funding
	 * @return the subscription after it
	 */
	public Subscription fund(UUID id, BigDecimal amount) {
		return this.jdbc.sql("""
				UPDATE subscription SET funded = funded + ?, version = version + 1
				 WHERE id = ?
				RETURNING id, investor_id, vehicle_id, commitment, currency, funded, version
				""").params(amount, id).query(Subscription.class).single();
	}

}
