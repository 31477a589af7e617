package dev.vestline.billing.fees;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import dev.vestline.billing.money.MinorUnits;
import org.jspecify.annotations.Nullable;

/**
 * What a vehicle charges: a one-off subscription fee in basis points of the commitment
 * (with an optional minimum) and an annual management fee in basis points, accrued per
 * quarter.
 *
 * @param vehicleId the vehicle
 * @param currency the currency its fees are charged in
 * @param subscriptionFeeBps subscription fee rate
 * @param subscriptionFeeMinimum the least subscription fee, if any
 * @param managementFeeBps annual management fee rate
 * @param version the version, the ETag
 * @param updatedBy who last changed it
 * @param updatedAt when
 */
public record FeeSchedule(UUID vehicleId, String currency, int subscriptionFeeBps,
		@Nullable BigDecimal subscriptionFeeMinimum, int managementFeeBps, long version, String updatedBy,
		Instant updatedAt) {

	/**
	 * The highest rate a schedule may charge, 1,000 basis points (10 % of the commitment
	 * once, 10 % of it a year): a larger one is a typing error, not a fee.
	 */
	public static final int MAXIMUM_BPS = 1_000;

	/**
	 * @param commitment the subscription's commitment, in the schedule's currency
	 * @return the subscription fee, never below the minimum
	 */
	BigDecimal subscriptionFee(BigDecimal commitment) {
		BigDecimal fee = MinorUnits.rate(commitment, this.subscriptionFeeBps, 1, this.currency);
		if (this.subscriptionFeeMinimum != null && fee.compareTo(this.subscriptionFeeMinimum) < 0) {
			return MinorUnits.round(this.subscriptionFeeMinimum, this.currency);
		}
		return fee;
	}

	/**
	 * @param commitment the subscription's commitment
	 * @return a quarter of the annual management fee
	 */
	BigDecimal quarterlyManagementFee(BigDecimal commitment) {
		return MinorUnits.rate(commitment, this.managementFeeBps, 4, this.currency);
	}

}
