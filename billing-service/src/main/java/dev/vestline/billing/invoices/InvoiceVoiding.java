package dev.vestline.billing.invoices;

import java.time.Clock;
import java.util.UUID;

import dev.vestline.billing.BillingMetrics;
import dev.vestline.billing.web.Problem;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Voids an unpaid invoice and returns its fees to ACCRUED, in one transaction. The
 * conditional update ({@code status = 'ISSUED' AND amount_paid = 0}) and the payment's
 * ({@code status = 'ISSUED'}) take the same row lock, so a payment racing a void is
 * serialized: the invoice ends up either paid (partly or fully) or voided, never both.
 */
@Service
class InvoiceVoiding {

	private final Invoices invoices;

	private final BillingMetrics metrics;

	private final Clock clock;

	InvoiceVoiding(Invoices invoices, BillingMetrics metrics, Clock clock) {
		this.invoices = invoices;
		this.metrics = metrics;
		this.clock = clock;
	}

	@Transactional
	Invoice voidInvoice(UUID id, @Nullable Long expectedVersion, String reason, String by) {
		if (!this.invoices.markVoid(id, expectedVersion, reason, by, this.clock.instant())) {
			Invoice invoice = this.invoices.find(id).orElseThrow(() -> Problem.notFound("Invoice " + id));
			if (expectedVersion != null && invoice.version() != expectedVersion) {
				throw Problem.staleVersion(invoice.version());
			}
			throw Problem.conflict("Invoice " + invoice.invoiceNumber() + " is " + invoice.status()
					+ ((invoice.amountPaid().signum() > 0) ? " with payments recorded" : "")
					+ "; only an unpaid ISSUED invoice can be voided");
		}
		this.invoices.releaseFees(id);
		this.metrics.countAfterCommit("vestline.billing.invoices.voided");
		return this.invoices.find(id).orElseThrow();
	}

}
