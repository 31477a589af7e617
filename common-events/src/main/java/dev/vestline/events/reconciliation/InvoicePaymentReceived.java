package dev.vestline.events.reconciliation;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import dev.vestline.events.Money;

/**
 * An accepted match brought money for an issued invoice; billing records it as a payment.
 *
 * @param invoiceId the invoice paid, the record key
 * @param matchId the accepted match; billing records one payment per match, so a new
 * match of the same bank transaction (after a reversal) pays anew
 * @param bankTransactionId the bank transaction that brought the money
 * @param amount the amount received
 * @param paymentReference the invoice's payment reference the payer quoted
 * @param receivedAt when the match was accepted
 */
public record InvoicePaymentReceived(UUID invoiceId, UUID matchId, UUID bankTransactionId, Money amount,
		String paymentReference, Instant receivedAt) implements ReconciliationEvent {

	public InvoicePaymentReceived {
		Objects.requireNonNull(invoiceId, "invoiceId");
		Objects.requireNonNull(matchId, "matchId");
		Objects.requireNonNull(bankTransactionId, "bankTransactionId");
		Objects.requireNonNull(amount, "amount");
		Objects.requireNonNull(paymentReference, "paymentReference");
		Objects.requireNonNull(receivedAt, "receivedAt");
	}

	@Override
	public String aggregateId() {
		return this.invoiceId.toString();
	}

}
