package dev.vestline.console.billing;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A vehicle's fee schedule as billing-service's API shows it.
 *
 * @param vehicleId the vehicle
 * @param currency what its fees are charged in
 * @param subscriptionFeeBps the one-off subscription fee, in basis points of the
 * commitment
 * @param subscriptionFeeMinimum the least subscription fee, if any
 * @param managementFeeBps the annual management fee, in basis points
 * @param version what its ETag says
 * @param updatedBy who last changed it
 * @param updatedAt when
 */
record FeeSchedule(UUID vehicleId, String currency, int subscriptionFeeBps, @Nullable BigDecimal subscriptionFeeMinimum,
		int managementFeeBps, long version, String updatedBy, Instant updatedAt) {

	public String updatedAtInWords() {
		return Dates.inWords(this.updatedAt);
	}

}
