package dev.vestline.console.approvals;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import dev.vestline.console.signin.Person;

/**
 * An approval as approval-service's API shows it to staff (the fields the pages use).
 *
 * @param id the approval
 * @param dealId its deal
 * @param investorId the investor
 * @param kind {@code DEAL_INTEREST} or {@code SUBSCRIPTION}
 * @param subscriptionId a subscription's id, the one billing and reconciliation know it
 * by
 * @param amount a subscription's amount
 * @param status where it stands
 * @param steps the chain, each with who approved it
 * @param currentStep the step waiting, while pending
 * @param requestedBy who requested it
 * @param requestedAt when
 * @param expiresAt when it expires unless decided
 * @param grantedBy who decided the last step
 * @param endedBy who rejected, cancelled or expired it
 * @param endReason why
 * @param version what its ETag says
 */
record Approval(UUID id, UUID dealId, String investorId, String kind, @Nullable UUID subscriptionId,
		@Nullable Money amount, String status, List<Step> steps, @Nullable Integer currentStep, String requestedBy,
		Instant requestedAt, Instant expiresAt, @Nullable String grantedBy, @Nullable String endedBy,
		@Nullable String endReason, long version) {

	public boolean isPending() {
		return "PENDING".equals(this.status);
	}

	/**
	 * @return the role the current step waits for, or null when nothing waits
	 */
	public @Nullable String waitingFor() {
		return (this.currentStep != null && this.currentStep <= this.steps.size())
				? this.steps.get(this.currentStep - 1).role() : null;
	}

	/**
	 * Whether the person's roles fit the current step (the service also checks four
	 * eyes).
	 */
	boolean decidableBy(Person person) {
		String role = waitingFor();
		return isPending() && role != null && person.has(role);
	}

	/**
	 * @return the kind in the queue filter's words, capitalised ("Deal interest"); a kind
	 * the console does not know as the service named it
	 */
	public String kindInWords() {
		for (QueueFilter.Kind known : QueueFilter.Kind.values()) {
			if (known.name().equals(this.kind)) {
				return Character.toUpperCase(known.words().charAt(0)) + known.words().substring(1);
			}
		}
		return this.kind;
	}

	/**
	 * One step of the chain.
	 *
	 * @param step 1-based
	 * @param role who decides it
	 * @param approvedBy who approved it
	 */
	record Step(int step, String role, @Nullable String approvedBy) {
	}

	/**
	 * An amount.
	 *
	 * @param amount in the currency's major unit
	 * @param currency ISO 4217
	 */
	record Money(BigDecimal amount, String currency) {

		@Override
		public String toString() {
			return String.format("%,.2f %s", this.amount, this.currency);
		}

	}

	/**
	 * One page of approvals, newest first.
	 *
	 * @param items the approvals
	 * @param next the cursor of the next page
	 */
	record Page(List<Approval> items, @Nullable String next) {
	}

}
