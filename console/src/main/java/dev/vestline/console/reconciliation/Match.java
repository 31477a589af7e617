package dev.vestline.console.reconciliation;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A bank line matched to a subscription or an invoice, as reconciliation-service shows
 * it.
 *
 * @param id the match
 * @param bankTransactionId the bank line
 * @param target {@code SUBSCRIPTION} or {@code INVOICE}
 * @param subscriptionId the subscription it funds
 * @param invoiceId the invoice it pays
 * @param amount the line's amount
 * @param currency ISO 4217
 * @param rule why it was proposed
 * @param status {@code SUGGESTED}, {@code ACCEPTED}, {@code REJECTED} or {@code REVERSED}
 * @param version what its ETag says
 * @param createdBy who proposed it ({@code auto-matching} for a suggestion)
 * @param createdAt when
 * @param decidedBy who accepted or rejected it
 * @param decidedAt when
 * @param reversedBy who reversed it
 * @param reversedAt when
 * @param reason why it was rejected or reversed
 */
record Match(UUID id, UUID bankTransactionId, String target, @Nullable UUID subscriptionId, @Nullable UUID invoiceId,
		BigDecimal amount, String currency, String rule, String status, long version, String createdBy,
		Instant createdAt, @Nullable String decidedBy, @Nullable Instant decidedAt, @Nullable String reversedBy,
		@Nullable Instant reversedAt, @Nullable String reason) {

	public boolean isSuggested() {
		return "SUGGESTED".equals(this.status);
	}

	public boolean isAccepted() {
		return "ACCEPTED".equals(this.status);
	}

	public String amountInWords() {
		return Amounts.money(this.amount, this.currency);
	}

	public String targetInWords() {
		return "SUBSCRIPTION".equals(this.target) ? "subscription " + this.subscriptionId : "invoice " + this.invoiceId;
	}

	/** Why it was proposed, in words. */
	public String ruleInWords() {
		return switch (this.rule) {
			case "PAYMENT_REFERENCE" -> "the payer quoted the invoice's payment reference";
			case "INVESTOR_AMOUNT" -> "the line names the investor and pays exactly what is outstanding";
			case "MANUAL" -> "matched by hand";
			default -> this.rule;
		};
	}

	/** What was done last and when, without who: "accepted it at …". */
	public String lastActionInWords() {
		return switch (this.status) {
			case "SUGGESTED" -> "proposed it at " + Amounts.moment(this.createdAt);
			case "ACCEPTED" -> "accepted it at " + moment(this.decidedAt);
			case "REJECTED" -> "rejected it at " + moment(this.decidedAt);
			case "REVERSED" -> "reversed it at " + moment(this.reversedAt);
			default -> "changed it";
		};
	}

	/** Where it stands, with who put it there: "accepted by oscar at …". */
	public String statusInWords() {
		return switch (this.status) {
			case "SUGGESTED" -> "suggested by " + this.createdBy + " at " + Amounts.moment(this.createdAt);
			case "ACCEPTED" -> "accepted by " + this.decidedBy + " at " + moment(this.decidedAt);
			case "REJECTED" -> "rejected by " + this.decidedBy + " at " + moment(this.decidedAt);
			case "REVERSED" -> "reversed by " + this.reversedBy + " at " + moment(this.reversedAt);
			default -> this.status;
		};
	}

	private static String moment(@Nullable Instant at) {
		return (at != null) ? Amounts.moment(at) : "an unknown time";
	}

	/**
	 * A keyset page of matches.
	 *
	 * @param items the matches, oldest first
	 * @param next the {@code after} of the next page
	 */
	record Page(List<Match> items, @Nullable UUID next) {
	}

}
