package dev.vestline.events.reconciliation;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import dev.vestline.events.Money;

/**
 * An accepted match funded a subscription's commitment (or a reversal took funding back).
 *
 * @param subscriptionId the subscription, the record key
 * @param investorId the investor
 * @param vehicleId the vehicle subscribed to
 * @param matchId the accepted match that caused this funding
 * @param amount this funding; negative on a reversal
 * @param totalFunded everything funded so far, this funding included
 * @param commitment the amount the investor committed to
 * @param fullyFunded whether {@code totalFunded} has reached {@code commitment}
 * @param overFunded whether {@code totalFunded} exceeds {@code commitment}
 * @param fundedAt when the funding was booked
 */
public record SubscriptionFunded(UUID subscriptionId, String investorId, UUID vehicleId, UUID matchId, Money amount,
		Money totalFunded, Money commitment, boolean fullyFunded, boolean overFunded,
		Instant fundedAt) implements ReconciliationEvent {

	public SubscriptionFunded {
		Objects.requireNonNull(subscriptionId, "subscriptionId");
		Objects.requireNonNull(investorId, "investorId");
		Objects.requireNonNull(vehicleId, "vehicleId");
		Objects.requireNonNull(matchId, "matchId");
		Objects.requireNonNull(amount, "amount");
		Objects.requireNonNull(totalFunded, "totalFunded");
		Objects.requireNonNull(commitment, "commitment");
		Objects.requireNonNull(fundedAt, "fundedAt");
	}

	@Override
	public String aggregateId() {
		return this.subscriptionId.toString();
	}

}
