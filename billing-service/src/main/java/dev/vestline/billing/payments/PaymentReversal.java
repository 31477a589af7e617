package dev.vestline.billing.payments;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import dev.vestline.billing.invoices.Invoice;
import dev.vestline.billing.invoices.Invoices;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Takes a recorded payment back, once: its applied part off the invoice (a paid invoice
 * and its fees become unpaid again), its credit part off the investor's credit as far as
 * that was not spent meanwhile; what was spent is recorded as unrecovered, never hidden.
 * The invoice row is locked first, as when recording, so payments, voids and reversals of
 * one invoice queue.
 */
@Service
@Transactional
public class PaymentReversal {

	private final Invoices invoices;

	private final KnownPayments known;

	private final PaymentBooking booking;

	private final Clock clock;

	PaymentReversal(Invoices invoices, KnownPayments known, PaymentBooking booking, Clock clock) {
		this.invoices = invoices;
		this.known = known;
		this.booking = booking;
		this.clock = clock;
	}

	/**
	 * @param invoiceId the invoice the payment was for
	 * @param origin the payment's origin: for a bank payment, the reversed match
	 * @param reason why it is taken back
	 * @return the reversal; empty when that payment was reversed already
	 * @throws IllegalStateException when no such payment was ever recorded for the
	 * invoice (e.g. its recording was dead-lettered): the reversal cannot be applied and
	 * must not be dropped silently
	 */
	public Optional<Reversal> reverse(UUID invoiceId, PaymentOrigin origin, String reason) {
		Invoice invoice = this.invoices.lock(invoiceId)
			.orElseThrow(() -> new IllegalStateException("No invoice " + invoiceId + " to take a payment back from"));
		Instant now = this.clock.instant();
		return this.known.markReversed(origin, invoiceId, now)
			.map((payment) -> this.booking.reversed(invoice, payment, reason, now));
	}

}
