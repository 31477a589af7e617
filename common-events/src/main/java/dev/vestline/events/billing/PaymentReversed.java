package dev.vestline.events.billing;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import dev.vestline.events.Money;

/**
 * A recorded payment was taken back, once: what it had applied to the invoice is
 * outstanding again (a paid invoice is issued again), and the investor credit it had
 * created is removed as far as it was not spent. Nothing is deleted: the payment stays,
 * marked reversed, and the reversal is a record of its own.
 *
 * @param paymentId the reversed payment
 * @param invoiceId the invoice it had paid, the record key
 * @param investorId the investor
 * @param amount the payment's whole amount
 * @param appliedAmount the part taken back from the invoice
 * @param creditAmount the part taken back from the investor's credit
 * @param unrecoveredAmount the part of the payment's credit that had already been spent
 * on other invoices and could not be taken back; the investor owes it and a person must
 * follow it up. {@code appliedAmount + creditAmount + unrecoveredAmount = amount}
 * @param source where the payment had come from
 * @param externalReference the payment's reference at its source
 * @param reason why it was reversed
 * @param reversedAt when it was reversed
 */
public record PaymentReversed(UUID paymentId, UUID invoiceId, String investorId, Money amount, Money appliedAmount,
		Money creditAmount, Money unrecoveredAmount, PaymentSource source, String externalReference, String reason,
		Instant reversedAt) implements BillingEvent {

	public PaymentReversed {
		Objects.requireNonNull(paymentId, "paymentId");
		Objects.requireNonNull(invoiceId, "invoiceId");
		Objects.requireNonNull(investorId, "investorId");
		Objects.requireNonNull(amount, "amount");
		Objects.requireNonNull(appliedAmount, "appliedAmount");
		Objects.requireNonNull(creditAmount, "creditAmount");
		Objects.requireNonNull(unrecoveredAmount, "unrecoveredAmount");
		Objects.requireNonNull(source, "source");
		Objects.requireNonNull(externalReference, "externalReference");
		Objects.requireNonNull(reason, "reason");
		Objects.requireNonNull(reversedAt, "reversedAt");
	}

	@Override
	public String aggregateId() {
		return this.invoiceId.toString();
	}

}
