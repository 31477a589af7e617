package dev.vestline.billing.payments;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import dev.vestline.billing.Ids;
import dev.vestline.billing.invoices.Invoice;
import dev.vestline.billing.invoices.Invoices;
import dev.vestline.billing.web.Problem;
import dev.vestline.events.Money;
import dev.vestline.events.billing.PaymentSource;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records payments against invoices; never more than the invoice total, never twice for
 * one external reference. The invoice row is locked first, so payments (and voids) of one
 * invoice queue; the conditional update and the CHECK constraints stand behind it. What
 * the invoice cannot take (an overpayment, a voided or paid invoice, another currency)
 * becomes investor credit in the same transaction: money is never lost.
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
	 * @param source where it came from
	 * @param reference its reference at the source
	 * @return the payment, and whether it had been recorded before
	 */
	public Recorded record(UUID invoiceId, Money amount, PaymentSource source, String reference) {
		Optional<Payment> known = this.payments.findByReference(source, reference);
		if (known.isPresent()) {
			return duplicate(known.get());
		}
		Invoice invoice = this.invoices.lock(invoiceId).orElseThrow(() -> Problem.notFound("Invoice " + invoiceId));
		// a racer with the same reference may have committed while we waited for the lock
		known = this.payments.findByReference(source, reference);
		if (known.isPresent()) {
			return duplicate(known.get());
		}
		Instant now = this.clock.instant();
		BigDecimal applied = applicable(invoice, amount);
		Payment payment = new Payment(Ids.next(), invoiceId, invoice.investorId(), amount.currency(), amount.amount(),
				applied, amount.amount().subtract(applied), source, reference, now, null);
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
		return this.payments.find(id).orElseThrow(() -> Problem.notFound("Payment " + id));
	}

	private static BigDecimal applicable(Invoice invoice, Money amount) {
		if (!"ISSUED".equals(invoice.status()) || !invoice.currency().equals(amount.currency())) {
			return BigDecimal.ZERO;
		}
		return amount.amount().min(invoice.outstanding());
	}

	private Recorded duplicate(Payment payment) {
		this.publication.duplicate("payment");
		return new Recorded(payment, true);
	}

	/**
	 * @param payment the payment
	 * @param duplicate whether the reference had been recorded before
	 */
	public record Recorded(Payment payment, boolean duplicate) {
	}

}
