package dev.vestline.billing.payments;

import java.util.Objects;
import java.util.UUID;

import dev.vestline.events.billing.PaymentSource;
import org.jspecify.annotations.Nullable;

/**
 * Where a payment came from, and what makes a report of it the same payment again. A bank
 * payment is the payment of one reconciliation match: the bank line of a reversed match
 * may be matched again, to this invoice or another, and that new match pays anew, even
 * while the old match's reversal is still on its way. A provider's payment is one per
 * provider payment id.
 *
 * @param source where the money came from
 * @param reference its reference at the source: the bank transaction, the provider's
 * payment id
 * @param matchId the reconciliation match a bank payment is the payment of; {@code null}
 * for other sources
 */
public record PaymentOrigin(PaymentSource source, String reference, @Nullable UUID matchId) {

	public PaymentOrigin {
		Objects.requireNonNull(source, "source");
		Objects.requireNonNull(reference, "reference");
		if ((source == PaymentSource.BANK) != (matchId != null)) {
			throw new IllegalArgumentException("A bank payment, and only a bank payment, is the payment of a match");
		}
	}

	/**
	 * @param bankTransactionId the bank line that brought the money
	 * @param matchId the accepted match that assigned it to the invoice
	 * @return the origin of a bank payment
	 */
	public static PaymentOrigin bank(UUID bankTransactionId, UUID matchId) {
		return new PaymentOrigin(PaymentSource.BANK, bankTransactionId.toString(), matchId);
	}

	/**
	 * @param paymentId the provider's id of the payment
	 * @return the origin of a payment the provider reported
	 */
	public static PaymentOrigin provider(String paymentId) {
		return new PaymentOrigin(PaymentSource.PROVIDER, paymentId, null);
	}

	@Override
	public String toString() {
		return this.source + " payment " + this.reference
				+ ((this.matchId != null) ? " (match " + this.matchId + ")" : "");
	}

}
