package dev.vestline.reconciliation.positions;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.TimeBasedEpochGenerator;
import dev.vestline.events.Money;
import dev.vestline.events.reconciliation.PositionUpdated;
import dev.vestline.events.reconciliation.SubscriptionFunded;
import dev.vestline.messaging.outbox.Outbox;
import dev.vestline.reconciliation.expectations.Subscription;
import dev.vestline.reconciliation.expectations.Subscriptions;
import dev.vestline.support.domain.Conflict;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Books an accepted subscription match: funds the subscription and creates or grows the
 * investor's position by one movement (units = amount / the vehicle's unit price); a
 * reversal books the opposite movement. Runs inside the caller's transaction, so the
 * match, the funding, the position and their events commit together.
 */
@Service
@Transactional(propagation = Propagation.MANDATORY)
public class PositionBooking {

	private final Subscriptions subscriptions;

	private final Positions positions;

	private final VehiclePrices prices;

	private final Outbox outbox;

	private final Clock clock;

	private final TimeBasedEpochGenerator ids = Generators.timeBasedEpochGenerator();

	PositionBooking(Subscriptions subscriptions, Positions positions, VehiclePrices prices, Outbox outbox,
			Clock clock) {
		this.subscriptions = subscriptions;
		this.positions = positions;
		this.prices = prices;
		this.outbox = outbox;
		this.clock = clock;
	}

	/**
	 * @return the subscription after the funding (over-funding included: it is flagged)
	 */
	public Subscription fund(UUID matchId, UUID subscriptionId, BigDecimal amount, String bookedBy) {
		Instant now = this.clock.instant();
		Subscription subscription = this.subscriptions.fund(subscriptionId, amount);
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
		announce(subscription, matchId, amount, position, movement);
		return subscription;
	}

	/**
	 * Books the reversal of a match's funding movement, exactly opposite to it.
	 */
	public Subscription reverse(UUID matchId, UUID subscriptionId, BigDecimal amount, String bookedBy) {
		Instant now = this.clock.instant();
		Movement funding = this.positions.movement(matchId, Movement.FUNDING)
			.orElseThrow(() -> new IllegalStateException("accepted match " + matchId + " has no funding movement"));
		Subscription subscription = this.subscriptions.fund(subscriptionId, amount.negate());
		Position position = this.positions.shrink(funding.positionId(), funding.unitsDelta(), funding.costDelta(), now);
		Movement reversal = new Movement(this.ids.generate(), position.id(), matchId, Movement.REVERSAL,
				funding.unitsDelta().negate(), funding.costDelta().negate(), funding.unitPrice(), bookedBy, now);
		this.positions.book(reversal);
		announce(subscription, matchId, amount.negate(), position, reversal);
		return subscription;
	}

	private void announce(Subscription subscription, UUID matchId, BigDecimal amount, Position position,
			Movement movement) {
		String currency = subscription.currency();
		this.outbox.append(new SubscriptionFunded(subscription.id(), subscription.investorId(),
				subscription.vehicleId(), matchId, new Money(amount, currency),
				new Money(subscription.funded(), currency), new Money(subscription.commitment(), currency),
				subscription.fullyFunded(), subscription.overFunded(), movement.bookedAt()));
		this.outbox.append(new PositionUpdated(position.id(), position.investorId(), position.vehicleId(),
				subscription.id(), movement.id(), movement.unitsDelta(), position.units(),
				new Money(position.costBasis(), position.currency()), movement.bookedAt()));
	}

}
