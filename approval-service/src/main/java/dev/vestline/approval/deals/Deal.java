package dev.vestline.approval.deals;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * A deal: a vehicle's allocation capacity, and how much of it granted subscriptions hold.
 *
 * @param id the deal
 * @param vehicleId the investment vehicle
 * @param name what people call it
 * @param currency ISO 4217 code of capacity and subscriptions
 * @param capacity the allocation capacity
 * @param reserved the amount granted subscriptions hold
 * @param createdBy who created it
 * @param createdAt when
 * @param version the ETag
 */
public record Deal(UUID id, UUID vehicleId, String name, String currency, BigDecimal capacity, BigDecimal reserved,
		String createdBy, Instant createdAt, long version) {

	public BigDecimal available() {
		return this.capacity.subtract(this.reserved);
	}

}
