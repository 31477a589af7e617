package dev.vestline.billing.payments;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import dev.vestline.billing.Ids;
import dev.vestline.billing.invoices.Invoice;
import dev.vestline.billing.invoices.Invoices;
import dev.vestline.events.Money;
import dev.vestline.support.domain.NotFound;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records payments against invoices; never more than the invoice total, never twice for
 * one origin (a bank match, a provider's payment id). The invoice row is locked first, so
 * payments (and voids) of one invoice queue; the conditional update and the CHECK
 * constraints stand behind it. What the invoice cannot take (an overpayment, a voided or
 * paid invoice, another currency) becomes investor credit in the same transaction: money
 * is never lost. A bank match is kept as reported before anything is decided, for the
 * consistency check to hold it to its payment.
 */
@Service
@Transactional
public class PaymentRecording {

	private final Invoices invoices;

	private final KnownPayments known;

	private final PaymentBooking booking;

	private final Clock clock;

	PaymentRecording(Invoices invoices, KnownPayments known, PaymentBooking booking, Clock clock) {
		this.invoices = invoices;
		this.known = known;
		this.booking = booking;
		this.clock = clock;
	}

	/**
	 * @param invoiceId the invoice paid
	 * @param amount what was received
	 * @param origin where it came from, which tells a repeated report from a new payment
	 * @return the payment, and whether it had been recorded before
	 */
	public Recorded record(UUID invoiceId, Money amount, PaymentOrigin origin) {
		Instant now = this.clock.instant();
		this.known.noteMatch(origin, invoiceId, amount, now);
		Optional<Recorded> known = this.known.recorded(origin, invoiceId);
		if (known.isPresent()) {
			return known.get();
		}
		Invoice invoice = this.invoices.lock(invoiceId).orElseThrow(() -> new NotFound("Invoice " + invoiceId));
		// a racer with the same origin may have committed while we waited for the lock
		known = this.known.recorded(origin, invoiceId);
		if (known.isPresent()) {
			return known.get();
		}
		BigDecimal applied = applicable(invoice, amount);
		Payment payment = new Payment(Ids.next(), invoiceId, invoice.investorId(), amount.currency(), amount.amount(),
				applied, amount.amount().subtract(applied), origin.source(), origin.reference(), origin.matchId(), now,
				null);
		this.booking.received(invoice, payment, now);
		return new Recorded(payment, false);
	}

	/**
	 * @param id a payment
	 * @return the payment
	 */
	@Transactional(readOnly = true)
	public Payment find(UUID id) {
		return this.known.find(id);
	}

	private static BigDecimal applicable(Invoice invoice, Money amount) {
		if (!"ISSUED".equals(invoice.status()) || !invoice.currency().equals(amount.currency())) {
			return BigDecimal.ZERO;
		}
		return amount.amount().min(invoice.outstanding());
	}

	/**
	 * @param payment the payment
	 * @param duplicate whether the payment had been recorded before
	 */
	public record Recorded(Payment payment, boolean duplicate) {
	}

}
