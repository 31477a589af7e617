package dev.vestline.events.reconciliation;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import dev.vestline.events.Money;
import org.jspecify.annotations.Nullable;

/**
 * An operator reversed an accepted match, once however many operators reverse it at the
 * same time: the bank transaction is free to be matched again, and the events that undo
 * the match's effects ({@code SubscriptionFunded} and {@code PositionUpdated} with
 * negative deltas, or {@code InvoicePaymentReversed}) follow in the same transaction.
 *
 * @param matchId the match
 * @param bankTransactionId the bank transaction it matched
 * @param target what the transaction had been matched to
 * @param subscriptionId the subscription whose funding is taken back; set exactly when
 * {@code target} is {@code SUBSCRIPTION}, and then the record key
 * @param invoiceId the invoice whose payment is taken back; set exactly when
 * {@code target} is {@code INVOICE}, and then the record key
 * @param amount the amount the match had brought, positive
 * @param reason why it was reversed, as the operator wrote it
 * @param reversedBy the operator who reversed it (a user id)
 * @param reversedAt when it was reversed
 */
public record MatchReversed(UUID matchId, UUID bankTransactionId, MatchTarget target, @Nullable UUID subscriptionId,
		@Nullable UUID invoiceId, Money amount, String reason, String reversedBy,
		Instant reversedAt) implements ReconciliationEvent {

	public MatchReversed {
		Objects.requireNonNull(matchId, "matchId");
		Objects.requireNonNull(bankTransactionId, "bankTransactionId");
		Objects.requireNonNull(target, "target");
		target.idOf(subscriptionId, invoiceId);
		Objects.requireNonNull(amount, "amount");
		Objects.requireNonNull(reason, "reason");
		Objects.requireNonNull(reversedBy, "reversedBy");
		Objects.requireNonNull(reversedAt, "reversedAt");
	}

	@Override
	public String aggregateId() {
		return this.target.idOf(this.subscriptionId, this.invoiceId).toString();
	}

}
