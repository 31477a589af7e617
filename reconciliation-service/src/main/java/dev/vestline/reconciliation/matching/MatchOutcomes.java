package dev.vestline.reconciliation.matching;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

import dev.vestline.events.Money;
import dev.vestline.events.reconciliation.MatchAccepted;
import dev.vestline.events.reconciliation.MatchReversed;
import dev.vestline.events.reconciliation.MatchTarget;
import dev.vestline.messaging.outbox.Outbox;
import dev.vestline.reconciliation.AfterCommit;
import dev.vestline.reconciliation.positions.PositionBooking;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;

/**
 * What a decided match does, in the deciding transaction: its event in the outbox, the
 * money booked (or unbooked) on the subscription's position or told to billing for the
 * invoice, and the counts once it commits.
 */
@Component
class MatchOutcomes {

	private final PositionBooking positionBooking;

	private final InvoicePayments invoicePayments;

	private final Outbox outbox;

	private final MeterRegistry meters;

	MatchOutcomes(PositionBooking positionBooking, InvoicePayments invoicePayments, Outbox outbox,
			MeterRegistry meters) {
		this.positionBooking = positionBooking;
		this.invoicePayments = invoicePayments;
		this.outbox = outbox;
		this.meters = meters;
	}

	void accepted(Match match, String by, Instant now) {
		var id = match.id();
		this.outbox.append(new MatchAccepted(id, match.bankTransactionId(), match.target(), match.subscriptionId(),
				match.invoiceId(), new Money(match.amount(), match.currency()), by, now));
		if (match.target() == MatchTarget.SUBSCRIPTION) {
			var funded = this.positionBooking.fund(id, Objects.requireNonNull(match.subscriptionId()), match.amount(),
					by);
			count("vestline.reconciliation.positions.updated", "movement", "funding");
			if (funded.overFunded()) {
				count("vestline.reconciliation.subscriptions.overfunded", "target", "subscription");
			}
		}
		else {
			this.invoicePayments.receive(match);
		}
		count("vestline.reconciliation.matches.accepted", "target", match.target().name().toLowerCase(Locale.ROOT));
	}

	void rejected() {
		count("vestline.reconciliation.matches.rejected", "target", "any");
	}

	void reversed(Match match, String by, String reason, Instant now) {
		var id = match.id();
		this.outbox.append(new MatchReversed(id, match.bankTransactionId(), match.target(), match.subscriptionId(),
				match.invoiceId(), new Money(match.amount(), match.currency()), reason, by, now));
		if (match.target() == MatchTarget.SUBSCRIPTION) {
			this.positionBooking.reverse(id, Objects.requireNonNull(match.subscriptionId()), match.amount(), by);
			count("vestline.reconciliation.positions.updated", "movement", "reversal");
		}
		else {
			this.invoicePayments.takeBack(match, reason);
		}
		count("vestline.reconciliation.matches.reversed", "target", match.target().name().toLowerCase(Locale.ROOT));
	}

	private void count(String name, String tag, String value) {
		AfterCommit.run(() -> this.meters.counter(name, tag, value).increment());
	}

}
