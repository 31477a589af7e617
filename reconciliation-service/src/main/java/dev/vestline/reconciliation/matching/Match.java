package dev.vestline.reconciliation.matching;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonFormat;
import dev.vestline.events.reconciliation.MatchTarget;
import org.jspecify.annotations.Nullable;

/**
 * A bank transaction matched to a subscription or an invoice, for its whole amount.
 *
 * @param id the match, a time-ordered UUIDv7
 * @param bankTransactionId the bank transaction
 * @param target what it is matched to
 * @param subscriptionId the subscription, for a subscription match
 * @param invoiceId the invoice, for an invoice match
 * @param amount the amount (the bank line's)
 * @param currency its ISO 4217 code
 * @param rule why it was proposed
 * @param status where it stands
 * @param version the version, the ETag
 * @param createdBy who proposed it ({@code auto-matching} for a suggestion)
 * @param createdAt when
 * @param decidedBy who accepted or rejected it
 * @param decidedAt when
 * @param reversedBy who reversed it
 * @param reversedAt when
 * @param reason why it was rejected or reversed
 */
public record Match(UUID id, UUID bankTransactionId, MatchTarget target, @Nullable UUID subscriptionId,
		@Nullable UUID invoiceId, @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal amount, String currency,
		MatchRule rule, MatchStatus status, long version, String createdBy, Instant createdAt,
		@Nullable String decidedBy, @Nullable Instant decidedAt, @Nullable String reversedBy,
		@Nullable Instant reversedAt, @Nullable String reason) {

}
