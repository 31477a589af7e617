package dev.vestline.reconciliation.positions;

import java.math.BigDecimal;
import java.util.UUID;

import dev.vestline.events.Money;
import dev.vestline.events.reconciliation.PositionUpdated;
import dev.vestline.events.reconciliation.SubscriptionFunded;
import dev.vestline.messaging.outbox.Outbox;
import dev.vestline.reconciliation.expectations.Subscription;

import org.springframework.stereotype.Component;

/**
 * Appends what a booked match changed, in the booking transaction:
 * {@code SubscriptionFunded} and {@code PositionUpdated}.
 */
@Component
class FundingEvents {

	private final Outbox outbox;

	FundingEvents(Outbox outbox) {
		this.outbox = outbox;
	}

	void announce(Subscription subscription, UUID matchId, BigDecimal amount, Position position, Movement movement) {
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
