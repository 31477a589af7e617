package dev.vestline.reconciliation.expectations;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * A subscription's commitment and what accepted matches funded of it so far.
 *
 * @param id the subscription
 * @param investorId the investor
 * @param vehicleId the vehicle subscribed to
 * @param commitment the amount committed
 * @param currency its ISO 4217 code
 * @param funded the sum of accepted funding matches
 * @param version the row version, bumped by every funding
 */
public record Subscription(UUID id, String investorId, UUID vehicleId, BigDecimal commitment, String currency,
		BigDecimal funded, long version) {

	/**
	 * @return whether the funding reached the commitment
	 */
	public boolean fullyFunded() {
		return this.funded.compareTo(this.commitment) >= 0;
	}

	/**
	 * @return whether more arrived than was committed: flagged, never hidden
	 */
	public boolean overFunded() {
		return this.funded.compareTo(this.commitment) > 0;
	}

}
