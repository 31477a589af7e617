package dev.vestline.billing.payments;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import dev.vestline.events.Money;
import dev.vestline.support.domain.NotFound;

import org.springframework.stereotype.Component;

/**
 * The payments already recorded, as recording and reversing meet them: a bank match is
 * kept as reported before anything is decided; a report of a payment recorded before is
 * answered with that payment, a second reversal with nothing, and both are counted.
 */
@Component
class KnownPayments {

	private final Payments payments;

	private final PaymentPublication publication;

	KnownPayments(Payments payments, PaymentPublication publication) {
		this.payments = payments;
		this.publication = publication;
	}

	void noteMatch(PaymentOrigin origin, UUID invoiceId, Money amount, Instant now) {
		if (origin.matchId() != null) {
			this.payments.noteMatch(origin.matchId(), origin.reference(), invoiceId, amount, now);
		}
	}

	/** The payment of that origin recorded before, if any, as a duplicate. */
	Optional<PaymentRecording.Recorded> recorded(PaymentOrigin origin, UUID invoiceId) {
		return this.payments.findRecorded(origin).map((known) -> duplicate(known, invoiceId));
	}

	/**
	 * @param id a payment
	 * @return the payment
	 */
	Payment find(UUID id) {
		return this.payments.find(id).orElseThrow(() -> new NotFound("Payment " + id));
	}

	/**
	 * The payment of that origin marked reversed now, or empty when it was reversed
	 * already.
	 * @throws IllegalStateException when no such payment was ever recorded for the
	 * invoice
	 */
	Optional<Payment> markReversed(PaymentOrigin origin, UUID invoiceId, Instant now) {
		if (origin.matchId() != null) {
			this.payments.noteMatchReversed(origin.matchId(), now);
		}
		// exactly the payment of that match, never another payment of the same bank line
		Payment payment = this.payments.findToReverse(origin, invoiceId)
			.orElseThrow(
					() -> new IllegalStateException("No " + origin + " of invoice " + invoiceId + " to take back"));
		if (!payment.invoiceId().equals(invoiceId)) {
			throw new IllegalStateException(
					"The " + origin + " paid invoice " + payment.invoiceId() + ", not invoice " + invoiceId);
		}
		if (payment.reversedAt() != null) {
			this.publication.duplicate("payment-reversal");
			return Optional.empty();
		}
		if (!this.payments.markReversed(payment.id(), now)) {
			throw new IllegalStateException("Payment " + payment.id() + " changed under the invoice lock");
		}
		return Optional.of(payment);
	}

	private PaymentRecording.Recorded duplicate(Payment payment, UUID invoiceId) {
		if (payment.matchId() != null && !payment.invoiceId().equals(invoiceId)) {
			// one match assigns a bank line to one invoice: a report naming another is
			// the producer's error, dead-lettered rather than guessed at
			throw new IllegalStateException("Match " + payment.matchId() + " paid invoice " + payment.invoiceId()
					+ ", not invoice " + invoiceId);
		}
		this.publication.duplicate("payment");
		return new PaymentRecording.Recorded(payment, true);
	}

}
