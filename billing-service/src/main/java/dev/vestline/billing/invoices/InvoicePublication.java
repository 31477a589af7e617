package dev.vestline.billing.invoices;

import java.util.List;

import dev.vestline.billing.BillingMetrics;
import dev.vestline.billing.mail.InvoiceMails;
import dev.vestline.billing.money.MinorUnits;
import dev.vestline.events.billing.InvoiceIssued;
import dev.vestline.messaging.outbox.Outbox;

import org.springframework.stereotype.Component;

/**
 * Tells the others that an invoice was issued: {@code InvoiceIssued} in the outbox, in
 * the caller's transaction, and the count once it commits.
 */
@Component
class InvoicePublication {

	private final Outbox outbox;

	private final BillingMetrics metrics;

	private final InvoiceMails mails;

	InvoicePublication(Outbox outbox, BillingMetrics metrics, InvoiceMails mails) {
		this.outbox = outbox;
		this.metrics = metrics;
		this.mails = mails;
	}

	void issued(Invoice invoice, List<InvoiceLine> lines) {
		InvoiceIssued issued = event(invoice, lines);
		this.outbox.append(issued);
		this.mails.issued(issued); // the investor's copy, in this transaction
		this.metrics.countAfterCommit("vestline.billing.invoices.issued");
	}

	private static InvoiceIssued event(Invoice invoice, List<InvoiceLine> lines) {
		String currency = invoice.currency();
		return new InvoiceIssued(invoice.id(), invoice.invoiceNumber(), invoice.investorId(), invoice.vehicleId(),
				MinorUnits.money(invoice.total(), currency), invoice.paymentReference(), invoice.dueDate(),
				lines.stream()
					.map((l) -> new dev.vestline.events.billing.InvoiceLine(l.feeId(), l.subscriptionId(), l.feeType(),
							l.period(), MinorUnits.money(l.amount(), currency)))
					.toList(),
				invoice.issuedAt());
	}

}
