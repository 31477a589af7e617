package dev.vestline.events.billing;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import dev.vestline.events.Money;

/**
 * The payments recorded against an invoice reached its total: the invoice is paid.
 *
 * @param invoiceId the invoice, the record key
 * @param invoiceNumber the number printed on the invoice
 * @param investorId the investor billed
 * @param total the invoice's total, now paid in full
 * @param paidAt when the last payment was recorded
 */
public record InvoicePaid(UUID invoiceId, String invoiceNumber, String investorId, Money total,
		Instant paidAt) implements BillingEvent {

	public InvoicePaid {
		Objects.requireNonNull(invoiceId, "invoiceId");
		Objects.requireNonNull(invoiceNumber, "invoiceNumber");
		Objects.requireNonNull(investorId, "investorId");
		Objects.requireNonNull(total, "total");
		Objects.requireNonNull(paidAt, "paidAt");
	}

	@Override
	public String aggregateId() {
		return this.invoiceId.toString();
	}

}
