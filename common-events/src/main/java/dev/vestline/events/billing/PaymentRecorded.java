package dev.vestline.events.billing;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import dev.vestline.events.Money;

/**
 * A payment was recorded against an invoice, once per external reference and never beyond
 * the invoice's total; any excess became investor credit.
 *
 * @param paymentId the payment
 * @param invoiceId the invoice paid, the record key
 * @param investorId the investor who paid
 * @param amount the amount received
 * @param appliedAmount the part of {@code amount} applied to the invoice
 * @param creditAmount the part of {@code amount} turned into investor credit; zero if
 * none
 * @param source where the payment came from
 * @param externalReference the payment's reference at its source (bank transaction,
 * provider payment or credit note), unique per source
 * @param recordedAt when the payment was recorded
 */
public record PaymentRecorded(UUID paymentId, UUID invoiceId, String investorId, Money amount, Money appliedAmount,
		Money creditAmount, PaymentSource source, String externalReference,
		Instant recordedAt) implements BillingEvent {

	public PaymentRecorded {
		Objects.requireNonNull(paymentId, "paymentId");
		Objects.requireNonNull(invoiceId, "invoiceId");
		Objects.requireNonNull(investorId, "investorId");
		Objects.requireNonNull(amount, "amount");
		Objects.requireNonNull(appliedAmount, "appliedAmount");
		Objects.requireNonNull(creditAmount, "creditAmount");
		Objects.requireNonNull(source, "source");
		Objects.requireNonNull(externalReference, "externalReference");
		Objects.requireNonNull(recordedAt, "recordedAt");
	}

	@Override
	public String aggregateId() {
		return this.invoiceId.toString();
	}

}
