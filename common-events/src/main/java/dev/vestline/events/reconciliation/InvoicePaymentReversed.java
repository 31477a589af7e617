package dev.vestline.events.reconciliation;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import dev.vestline.events.Money;

/**
 * An accepted invoice match was reversed: the money its {@link InvoicePaymentReceived}
 * reported did not pay the invoice after all (wrong invoice, returned by the bank), and
 * billing takes back the payment it recorded for that match: never the payment of another
 * match of the same bank transaction, which may already pay another invoice (the two
 * events have different keys, so either may arrive first). Published once per reversed
 * match, after the {@code InvoicePaymentReceived} it undoes, on the same key.
 *
 * @param invoiceId the invoice whose payment is taken back, the record key
 * @param matchId the reversed match: billing takes back exactly the payment of this match
 * @param bankTransactionId the bank transaction whose payment is taken back: billing's
 * external reference of the payment
 * @param amount the amount {@code InvoicePaymentReceived} had reported, positive
 * @param paymentReference the invoice's payment reference
 * @param reason why the match was reversed, as the operator wrote it
 * @param reversedAt when the match was reversed
 */
public record InvoicePaymentReversed(UUID invoiceId, UUID matchId, UUID bankTransactionId, Money amount,
		String paymentReference, String reason, Instant reversedAt) implements ReconciliationEvent {

	public InvoicePaymentReversed {
		Objects.requireNonNull(invoiceId, "invoiceId");
		Objects.requireNonNull(matchId, "matchId");
		Objects.requireNonNull(bankTransactionId, "bankTransactionId");
		Objects.requireNonNull(amount, "amount");
		Objects.requireNonNull(paymentReference, "paymentReference");
		Objects.requireNonNull(reason, "reason");
		Objects.requireNonNull(reversedAt, "reversedAt");
	}

	@Override
	public String aggregateId() {
		return this.invoiceId.toString();
	}

}
