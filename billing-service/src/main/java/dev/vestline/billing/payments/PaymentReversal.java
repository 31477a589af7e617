package dev.vestline.billing.payments;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import dev.vestline.billing.Ids;
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

	private final Payments payments;

	private final InvestorCredits credits;

	private final PaymentPublication publication;

	private final Clock clock;

	PaymentReversal(Invoices invoices, Payments payments, InvestorCredits credits, PaymentPublication publication,
			Clock clock) {
		this.invoices = invoices;
		this.payments = payments;
		this.credits = credits;
		this.publication = publication;
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
		takeBackFromInvoice(invoice, payment.appliedAmount());
		BigDecimal credit = this.credits.takeBack(payment.investorId(), payment.currency(), payment.creditAmount(),
				payment.id(), invoiceId, now);
		Reversal reversal = new Reversal(Ids.next(), payment, payment.appliedAmount(), credit,
				payment.creditAmount().subtract(credit), reason, now);
		this.payments.insert(reversal);
		this.publication.reversed(reversal);
		return Optional.of(reversal);
	}

	private void takeBackFromInvoice(Invoice invoice, BigDecimal applied) {
		if (applied.signum() == 0) {
			return;
		}
		if (!this.invoices.takeBackPayment(invoice.id(), applied)) {
			throw new IllegalStateException("Invoice " + invoice.id() + " has less paid than payment applied");
		}
		if ("PAID".equals(invoice.status())) {
			this.invoices.markFeesUnpaid(invoice.id());
		}
	}

}
