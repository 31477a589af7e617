package dev.vestline.events.billing;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import dev.vestline.events.Money;

/**
 * An unpaid invoice was voided: nothing is owed on it any more, its fees are billable
 * again, and money that still arrives for it becomes investor credit. Reconciliation
 * stops expecting its payment.
 *
 * @param invoiceId the invoice, the record key
 * @param invoiceNumber the number printed on the invoice
 * @param investorId the investor billed
 * @param total the total that is no longer owed
 * @param paymentReference the invoice's payment reference, no longer to be matched
 * @param reason why it was voided
 * @param voidedBy who voided it (a user id)
 * @param voidedAt when it was voided
 */
public record InvoiceVoided(UUID invoiceId, String invoiceNumber, String investorId, Money total,
		String paymentReference, String reason, String voidedBy, Instant voidedAt) implements BillingEvent {

	public InvoiceVoided {
		Objects.requireNonNull(invoiceId, "invoiceId");
		Objects.requireNonNull(invoiceNumber, "invoiceNumber");
		Objects.requireNonNull(investorId, "investorId");
		Objects.requireNonNull(total, "total");
		Objects.requireNonNull(paymentReference, "paymentReference");
		Objects.requireNonNull(reason, "reason");
		Objects.requireNonNull(voidedBy, "voidedBy");
		Objects.requireNonNull(voidedAt, "voidedAt");
	}

	@Override
	public String aggregateId() {
		return this.invoiceId.toString();
	}

}
