package dev.vestline.events.billing;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import dev.vestline.events.Money;
import org.jspecify.annotations.Nullable;

/**
 * A fee was accrued on a subscription from its vehicle's fee schedule; a later invoice
 * run bills it. At most one fee of each type (and period) stands per subscription.
 *
 * @param feeId the fee
 * @param subscriptionId the subscription, the record key
 * @param investorId the investor who owes the fee
 * @param vehicleId the vehicle whose fee schedule applies
 * @param feeType the kind of fee
 * @param period the period a management fee covers, e.g. {@code 2026-Q4}; absent for a
 * subscription fee
 * @param amount the fee
 * @param accruedAt when the fee was accrued
 */
public record FeeAccrued(UUID feeId, UUID subscriptionId, String investorId, UUID vehicleId, FeeType feeType,
		@Nullable String period, Money amount, Instant accruedAt) implements BillingEvent {

	public FeeAccrued {
		Objects.requireNonNull(feeId, "feeId");
		Objects.requireNonNull(subscriptionId, "subscriptionId");
		Objects.requireNonNull(investorId, "investorId");
		Objects.requireNonNull(vehicleId, "vehicleId");
		Objects.requireNonNull(feeType, "feeType");
		Objects.requireNonNull(amount, "amount");
		Objects.requireNonNull(accruedAt, "accruedAt");
	}

	@Override
	public String aggregateId() {
		return this.subscriptionId.toString();
	}

}
