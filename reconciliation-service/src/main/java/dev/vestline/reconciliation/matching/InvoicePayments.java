package dev.vestline.reconciliation.matching;

import java.time.Clock;
import java.util.Objects;

import dev.vestline.events.Money;
import dev.vestline.events.reconciliation.InvoicePaymentReceived;
import dev.vestline.events.reconciliation.InvoicePaymentReversed;
import dev.vestline.messaging.outbox.Outbox;
import dev.vestline.reconciliation.expectations.Invoice;
import dev.vestline.reconciliation.expectations.Invoices;
import dev.vestline.support.domain.Conflict;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Books an accepted invoice match and tells billing the invoice was paid; never more than
 * the invoice total, which billing would refuse. Reversing the match takes the money off
 * the invoice again and tells billing to take the payment back.
 */
@Service
@Transactional(propagation = Propagation.MANDATORY)
class InvoicePayments {

	private final Invoices invoices;

	private final Outbox outbox;

	private final Clock clock;

	InvoicePayments(Invoices invoices, Outbox outbox, Clock clock) {
		this.invoices = invoices;
		this.outbox = outbox;
		this.clock = clock;
	}

	void receive(Match match) {
		Invoice invoice = invoiceOf(match);
		if (!this.invoices.receive(invoice.id(), match.amount())) {
			throw new Conflict(
					"Invoice " + invoice.invoiceNumber() + " has " + invoice.received() + " of " + invoice.total() + " "
							+ invoice.currency() + " paid; " + match.amount() + " more would exceed it");
		}
		this.outbox.append(new InvoicePaymentReceived(invoice.id(), match.id(), match.bankTransactionId(),
				new Money(match.amount(), match.currency()), invoice.paymentReference(), this.clock.instant()));
	}

	void takeBack(Match match, String reason) {
		Invoice invoice = invoiceOf(match);
		if (!this.invoices.takeBack(invoice.id(), match.amount())) {
			throw new IllegalStateException("Invoice " + invoice.id() + " has received " + invoice.received()
					+ ", less than its accepted match " + match.id() + " brought");
		}
		this.outbox.append(new InvoicePaymentReversed(invoice.id(), match.id(), match.bankTransactionId(),
				new Money(match.amount(), match.currency()), invoice.paymentReference(), reason, this.clock.instant()));
	}

	private Invoice invoiceOf(Match match) {
		return this.invoices.find(Objects.requireNonNull(match.invoiceId())).orElseThrow();
	}

}
