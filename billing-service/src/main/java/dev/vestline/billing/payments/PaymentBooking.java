package dev.vestline.billing.payments;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import dev.vestline.billing.Ids;
import dev.vestline.billing.invoices.Invoice;
import dev.vestline.billing.invoices.Invoices;

import org.springframework.stereotype.Component;

/**
 * Books a payment's money, or takes it back, in the caller's transaction and under the
 * invoice lock it holds: on the invoice (one conditional update), as a payment row, on
 * the investor's credit; then tells the others.
 */
@Component
class PaymentBooking {

	private final Invoices invoices;

	private final Payments payments;

	private final InvestorCredits credits;

	private final PaymentPublication publication;

	PaymentBooking(Invoices invoices, Payments payments, InvestorCredits credits, PaymentPublication publication) {
		this.invoices = invoices;
		this.payments = payments;
		this.credits = credits;
		this.publication = publication;
	}

	/** A received payment: what the invoice cannot take becomes the investor's credit. */
	void received(Invoice invoice, Payment payment, Instant now) {
		UUID invoiceId = invoice.id();
		BigDecimal applied = payment.appliedAmount();
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
	}

	/** A payment out of the investor's credit, whose balance the caller locked. */
	void fromCredit(Invoice invoice, Payment payment, Instant now) {
		UUID invoiceId = invoice.id();
		UUID id = payment.id();
		BigDecimal amount = payment.amount();
		if (!this.invoices.applyPayment(invoiceId, amount, now)) {
			throw new IllegalStateException("Invoice " + invoiceId + " changed under its lock");
		}
		this.payments.insert(payment);
		if (!this.credits.apply(invoice.investorId(), invoice.currency(), amount, id, invoiceId, now)) {
			throw new IllegalStateException("Credit of " + invoice.investorId() + " changed under its lock");
		}
		this.publication.recorded(payment);
		this.publication.settleIfCovered(invoice, amount);
	}

	/** Takes a payment, already marked reversed, back off the invoice and the credit. */
	Reversal reversed(Invoice invoice, Payment payment, String reason, Instant now) {
		UUID invoiceId = invoice.id();
		takeBackFromInvoice(invoice, payment.appliedAmount());
		BigDecimal credit = this.credits.takeBack(payment.investorId(), payment.currency(), payment.creditAmount(),
				payment.id(), invoiceId, now);
		Reversal reversal = new Reversal(Ids.next(), payment, payment.appliedAmount(), credit,
				payment.creditAmount().subtract(credit), reason, now);
		this.payments.insert(reversal);
		this.publication.reversed(reversal);
		return reversal;
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
