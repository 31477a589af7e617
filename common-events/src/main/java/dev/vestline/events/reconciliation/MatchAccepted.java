package dev.vestline.events.reconciliation;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import dev.vestline.events.Money;
import org.jspecify.annotations.Nullable;

/**
 * An operator accepted a match of a bank transaction to a subscription or an invoice,
 * once however many operators accept it at the same time.
 *
 * @param matchId the match
 * @param bankTransactionId the matched bank transaction
 * @param target what the transaction was matched to
 * @param subscriptionId the subscription funded; set exactly when {@code target} is
 * {@code SUBSCRIPTION}, and then the record key
 * @param invoiceId the invoice paid; set exactly when {@code target} is {@code INVOICE},
 * and then the record key
 * @param amount the amount matched
 * @param acceptedBy the operator who accepted it (a user id)
 * @param acceptedAt when it was accepted
 */
public record MatchAccepted(UUID matchId, UUID bankTransactionId, MatchTarget target, @Nullable UUID subscriptionId,
		@Nullable UUID invoiceId, Money amount, String acceptedBy, Instant acceptedAt) implements ReconciliationEvent {

	public MatchAccepted {
		Objects.requireNonNull(matchId, "matchId");
		Objects.requireNonNull(bankTransactionId, "bankTransactionId");
		Objects.requireNonNull(target, "target");
		target.idOf(subscriptionId, invoiceId);
		Objects.requireNonNull(amount, "amount");
		Objects.requireNonNull(acceptedBy, "acceptedBy");
		Objects.requireNonNull(acceptedAt, "acceptedAt");
	}

	@Override
	public String aggregateId() {
		return this.target.idOf(this.subscriptionId, this.invoiceId).toString();
	}

}
