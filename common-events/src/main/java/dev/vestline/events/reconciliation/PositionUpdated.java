package dev.vestline.events.reconciliation;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonFormat;
import dev.vestline.events.Money;

/**
 * An investor's position in a vehicle was created or changed by one movement, booked once
 * per accepted match. Unit counts travel as JSON strings, like money.
 *
 * @param positionId the position, one per investor and vehicle
 * @param investorId the investor
 * @param vehicleId the vehicle
 * @param subscriptionId the subscription whose funding moved the position, the record key
 * @param movementId the movement, one per accepted match
 * @param unitsDelta the units this movement added; negative on a reversal
 * @param units the units held after the movement
 * @param costBasis what the units held after the movement cost
 * @param updatedAt when the movement was booked
 */
public record PositionUpdated(UUID positionId, String investorId, UUID vehicleId, UUID subscriptionId, UUID movementId,
		@JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal unitsDelta,
		@JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal units, Money costBasis,
		Instant updatedAt) implements ReconciliationEvent {

	public PositionUpdated {
		Objects.requireNonNull(positionId, "positionId");
		Objects.requireNonNull(investorId, "investorId");
		Objects.requireNonNull(vehicleId, "vehicleId");
		Objects.requireNonNull(subscriptionId, "subscriptionId");
		Objects.requireNonNull(movementId, "movementId");
		Objects.requireNonNull(unitsDelta, "unitsDelta");
		Objects.requireNonNull(units, "units");
		Objects.requireNonNull(costBasis, "costBasis");
		Objects.requireNonNull(updatedAt, "updatedAt");
	}

	@Override
	public String aggregateId() {
		return this.subscriptionId.toString();
	}

}
