package dev.vestline.reconciliation.positions;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.UUID;

import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.TimeBasedEpochGenerator;
import dev.vestline.reconciliation.expectations.Subscription;
import dev.vestline.support.domain.Conflict;

import org.springframework.stereotype.Component;

/**
 * Books one movement of an investor's position per match: a funding creates or grows the
 * position by amount / the vehicle's unit price; a reversal shrinks it by exactly what
 * the funding added.
 */
@Component
class PositionMovements {

	private final Positions positions;

	private final VehiclePrices prices;

	private final TimeBasedEpochGenerator ids = Generators.timeBasedEpochGenerator();

	PositionMovements(Positions positions, VehiclePrices prices) {
		this.positions = positions;
		this.prices = prices;
	}

	Booked funding(UUID matchId, Subscription subscription, BigDecimal amount, String bookedBy, Instant now) {
		BigDecimal unitPrice = this.prices.unitPrice(subscription.vehicleId());
		BigDecimal units = amount.divide(unitPrice, 8, RoundingMode.HALF_EVEN);
		Position position = this.positions
			.grow(this.ids.generate(), subscription.investorId(), subscription.vehicleId(), units, amount,
					subscription.currency(), now)
			.orElseThrow(() -> new Conflict("The investor's position in this vehicle is held in another "
					+ "currency than " + subscription.currency()));
		Movement movement = new Movement(this.ids.generate(), position.id(), matchId, Movement.FUNDING, units, amount,
				unitPrice, bookedBy, now);
		this.positions.book(movement);
		return new Booked(position, movement);
	}

	/** The funding movement an accepted match booked. */
	Movement fundingOf(UUID matchId) {
		return this.positions.movement(matchId, Movement.FUNDING)
			.orElseThrow(() -> new IllegalStateException("accepted match " + matchId + " has no funding movement"));
	}

	Booked reversal(UUID matchId, Movement funding, String bookedBy, Instant now) {
		Position position = this.positions.shrink(funding.positionId(), funding.unitsDelta(), funding.costDelta(), now);
		Movement reversal = new Movement(this.ids.generate(), position.id(), matchId, Movement.REVERSAL,
				funding.unitsDelta().negate(), funding.costDelta().negate(), funding.unitPrice(), bookedBy, now);
		this.positions.book(reversal);
		return new Booked(position, reversal);
	}

	/**
	 * @param position the position after the movement
	 * @param movement the movement booked
	 */
	record Booked(Position position, Movement movement) {
	}

}
