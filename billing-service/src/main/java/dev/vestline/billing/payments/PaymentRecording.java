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

	private final Payments payments;

	private final InvestorCredits credits;

	private final PaymentPublication publication;

	private final Clock clock;

	PaymentRecording(Invoices invoices, Payments payments, InvestorCredits credits, PaymentPublication publication,
			Clock clock) {
		this.invoices = invoices;
		this.payments = payments;
		this.credits = credits;
		this.publication = publication;
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
		if (origin.matchId() != null) {
			this.payments.noteMatch(origin.matchId(), origin.reference(), invoiceId, amount, now);
		}
		Optional<Payment> known = this.payments.findRecorded(origin);
		if (known.isPresent()) {
			return duplicate(known.get(), invoiceId);
		}
		Invoice invoice = this.invoices.lock(invoiceId).orElseThrow(() -> new NotFound("Invoice " + invoiceId));
		// a racer with the same origin may have committed while we waited for the lock
		known = this.payments.findRecorded(origin);
		if (known.isPresent()) {
			return duplicate(known.get(), invoiceId);
		}
		BigDecimal applied = applicable(invoice, amount);
		Payment payment = new Payment(Ids.next(), invoiceId, invoice.investorId(), amount.currency(), amount.amount(),
				applied, amount.amount().subtract(applied), origin.source(), origin.reference(), origin.matchId(), now,
				null);
		if (applied.signum() > 0 && !this.invoices.applyPayment(invoiceId, applied, now)) {
			throw new IllegalStateException("Invoice " + invoiceId + " changed under its lock");
		}
		this.payments.insert(payment);
		if (payment.creditAmount().signum() > 0) {
			this.credits.receive(payment.investorId(), payment.currency(), payment.creditAmount(), payment.id(),
					invoiceId, now);
		}
		this.publication.recorded(payment);
		this.publication.settleIfCovered(invoice, applied);
		return new Recorded(payment, false);
	}

	/**
	 * @param id a payment
	 * @return the payment
	 */
	@Transactional(readOnly = true)
	public Payment find(UUID id) {
		return this.payments.find(id).orElseThrow(() -> new NotFound("Payment " + id));
	}

	private static BigDecimal applicable(Invoice invoice, Money amount) {
		if (!"ISSUED".equals(invoice.status()) || !invoice.currency().equals(amount.currency())) {
			return BigDecimal.ZERO;
		}
		return amount.amount().min(invoice.outstanding());
	}

	private Recorded duplicate(Payment payment, UUID invoiceId) {
		if (payment.matchId() != null && !payment.invoiceId().equals(invoiceId)) {
			// one match assigns a bank line to one invoice: a report naming another is
			// the producer's error, dead-lettered rather than guessed at
			throw new IllegalStateException("Match " + payment.matchId() + " paid invoice " + payment.invoiceId()
					+ ", not invoice " + invoiceId);
		}
		this.publication.duplicate("payment");
		return new Recorded(payment, true);
	}

	/**
	 * @param payment the payment
	 * @param duplicate whether the payment had been recorded before
	 */
	public record Recorded(Payment payment, boolean duplicate) {
	}

}
