package dev.vestline.reconciliation.positions;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import dev.vestline.reconciliation.expectations.Subscription;
import dev.vestline.reconciliation.expectations.Subscriptions;

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

	private final PositionMovements movements;

	private final FundingEvents events;

	private final Clock clock;

	PositionBooking(Subscriptions subscriptions, PositionMovements movements, FundingEvents events, Clock clock) {
		this.subscriptions = subscriptions;
		this.movements = movements;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * @return the subscription after the funding (over-funding included: it is flagged)
	 */
	public Subscription fund(UUID matchId, UUID subscriptionId, BigDecimal amount, String bookedBy) {
		Instant now = this.clock.instant();
		Subscription subscription = this.subscriptions.fund(subscriptionId, amount);
		PositionMovements.Booked booked = this.movements.funding(matchId, subscription, amount, bookedBy, now);
		this.events.announce(subscription, matchId, amount, booked.position(), booked.movement());
		return subscription;
	}

	/**
	 * Books the reversal of a match's funding movement, exactly opposite to it.
	 */
	public Subscription reverse(UUID matchId, UUID subscriptionId, BigDecimal amount, String bookedBy) {
		Instant now = this.clock.instant();
		Movement funding = this.movements.fundingOf(matchId);
		Subscription subscription = this.subscriptions.fund(subscriptionId, amount.negate());
		PositionMovements.Booked booked = this.movements.reversal(matchId, funding, bookedBy, now);
		this.events.announce(subscription, matchId, amount.negate(), booked.position(), booked.movement());
		return subscription;
	}

}
