package dev.vestline.reconciliation.positions;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonFormat;

/**
 * An investor's holding in a vehicle: one per (investor, vehicle).
 *
 * @param id the position
 * @param investorId the investor
 * @param vehicleId the vehicle
 * @param units the units held: the sum of its movements
 * @param costBasis what the units held cost
 * @param currency the currency of the cost basis
 * @param version bumped by every movement
 * @param updatedAt when the last movement was booked
 */
public record Position(UUID id, String investorId, UUID vehicleId,
		@JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal units,
		@JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal costBasis, String currency, long version,
		Instant updatedAt) {

}
