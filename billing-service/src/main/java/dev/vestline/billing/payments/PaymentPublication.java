package dev.vestline.billing.payments;

import java.math.BigDecimal;
import java.util.Objects;

import dev.vestline.billing.BillingMetrics;
import dev.vestline.billing.invoices.Invoice;
import dev.vestline.billing.invoices.Invoices;
import dev.vestline.billing.money.MinorUnits;
import dev.vestline.events.billing.InvoicePaid;
import dev.vestline.events.billing.PaymentRecorded;
import dev.vestline.events.billing.PaymentReversed;
import dev.vestline.messaging.outbox.Outbox;

import org.springframework.stereotype.Component;

/**
 * Turns a recorded payment into its events, in the recording transaction, and counts it.
 */
@Component
class PaymentPublication {

	private final Outbox outbox;

	private final BillingMetrics metrics;

	private final Invoices invoices;

	PaymentPublication(Outbox outbox, BillingMetrics metrics, Invoices invoices) {
		this.outbox = outbox;
		this.metrics = metrics;
		this.invoices = invoices;
	}

	/**
	 * The payment that covers what was outstanding settles the invoice, exactly once: its
	 * fees become PAID and {@code InvoicePaid} is appended.
	 */
	void settleIfCovered(Invoice before, BigDecimal applied) {
		if (applied.signum() > 0 && applied.compareTo(before.outstanding()) == 0) {
			this.invoices.markFeesPaid(before.id());
			paid(this.invoices.find(before.id()).orElseThrow());
		}
	}

	void recorded(Payment payment) {
		String currency = payment.currency();
		this.outbox.append(new PaymentRecorded(payment.id(), payment.invoiceId(), payment.investorId(),
				MinorUnits.money(payment.amount(), currency), MinorUnits.money(payment.appliedAmount(), currency),
				MinorUnits.money(payment.creditAmount(), currency), payment.source(), payment.externalReference(),
				payment.recordedAt()));
		this.metrics.countAfterCommit("vestline.billing.payments.recorded", "source", payment.source().name());
		if (payment.creditAmount().signum() > 0) {
			this.metrics.countAfterCommit("vestline.billing.credits.received", "source", payment.source().name());
		}
	}

	void reversed(Reversal reversal) {
		Payment payment = reversal.payment();
		String currency = payment.currency();
		this.outbox.append(new PaymentReversed(payment.id(), payment.invoiceId(), payment.investorId(),
				MinorUnits.money(payment.amount(), currency), MinorUnits.money(reversal.appliedAmount(), currency),
				MinorUnits.money(reversal.creditAmount(), currency),
				MinorUnits.money(reversal.unrecoveredAmount(), currency), payment.source(), payment.externalReference(),
				reversal.reason(), reversal.reversedAt()));
		this.metrics.countAfterCommit("vestline.billing.payments.reversed", "source", payment.source().name());
		if (reversal.unrecoveredAmount().signum() > 0) {
			// spent credit cannot be taken back: a person must collect it from the
			// investor
			this.metrics.countAfterCommit("vestline.billing.reversals.unrecovered", "source", payment.source().name());
		}
	}

	private void paid(Invoice invoice) {
		this.outbox.append(new InvoicePaid(invoice.id(), invoice.invoiceNumber(), invoice.investorId(),
				MinorUnits.money(invoice.total(), invoice.currency()), Objects.requireNonNull(invoice.paidAt())));
		this.metrics.countAfterCommit("vestline.billing.invoices.paid");
	}

	void duplicate(String kind) {
		this.metrics.countAfterCommit("vestline.billing.duplicates.suppressed", "kind", kind);
	}

}
