package dev.vestline.billing.invoices;

import java.time.Clock;
import java.util.Objects;
import java.util.UUID;

import dev.vestline.billing.BillingMetrics;
import dev.vestline.billing.money.MinorUnits;
import dev.vestline.events.billing.InvoiceVoided;
import dev.vestline.messaging.outbox.Outbox;
import dev.vestline.support.domain.Conflict;
import dev.vestline.support.domain.NotFound;
import dev.vestline.support.domain.StaleVersion;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Voids an unpaid invoice and returns its fees to ACCRUED, in one transaction. The
 * conditional update ({@code status = 'ISSUED' AND amount_paid = 0}) and the payment's
 * ({@code status = 'ISSUED'}) take the same row lock, so a payment racing a void is
 * serialized: the invoice ends up either paid (partly or fully) or voided, never both.
 * {@code InvoiceVoided} tells reconciliation to stop expecting the money.
 */
@Service
class InvoiceVoiding {

	private final Invoices invoices;

	private final Outbox outbox;

	private final BillingMetrics metrics;

	private final Clock clock;

	InvoiceVoiding(Invoices invoices, Outbox outbox, BillingMetrics metrics, Clock clock) {
		this.invoices = invoices;
		this.outbox = outbox;
		this.metrics = metrics;
		this.clock = clock;
	}

	@Transactional
	Invoice voidInvoice(UUID id, long expectedVersion, String reason, String by) {
		if (!this.invoices.markVoid(id, expectedVersion, reason, by, this.clock.instant())) {
			Invoice invoice = this.invoices.find(id).orElseThrow(() -> new NotFound("Invoice " + id));
			if (invoice.version() != expectedVersion) {
				throw StaleVersion.of(invoice.version());
			}
			throw new Conflict("Invoice " + invoice.invoiceNumber() + " is " + invoice.status()
					+ ((invoice.amountPaid().signum() > 0) ? " with payments recorded" : "")
					+ "; only an unpaid ISSUED invoice can be voided");
		}
		this.invoices.releaseFees(id);
		Invoice voided = this.invoices.find(id).orElseThrow();
		this.outbox.append(new InvoiceVoided(id, voided.invoiceNumber(), voided.investorId(),
				MinorUnits.money(voided.total(), voided.currency()), voided.paymentReference(), reason, by,
				Objects.requireNonNull(voided.voidedAt())));
		this.metrics.countAfterCommit("vestline.billing.invoices.voided");
		return voided;
	}

}
