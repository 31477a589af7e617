package dev.vestline.reconciliation.matching;

import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * The bodies {@link MatchController} reads and the page it writes.
 */
final class MatchRequests {

	private MatchRequests() {
	}

	/**
	 * A manual match: the bank transaction and exactly one of subscription and invoice.
	 *
	 * @param bankTransactionId the credit
	 * @param subscriptionId the subscription it funds
	 * @param invoiceId the invoice it pays
	 */
	record ManualMatch(@NotNull UUID bankTransactionId, @Nullable UUID subscriptionId, @Nullable UUID invoiceId) {

		@AssertTrue(message = "name exactly one of subscriptionId and invoiceId")
		boolean isOneTarget() {
			return (this.subscriptionId == null) != (this.invoiceId == null);
		}

	}

	/**
	 * Why a match is rejected or reversed.
	 *
	 * @param reason free text for the audit trail: at most 500 characters, no control
	 * characters (a NUL cannot even be stored)
	 */
	record Reason(@Nullable @Size(max = 500) @Pattern(regexp = "\\P{Cntrl}*",
			message = "must not contain control characters") String reason) {

	}

	/**
	 * One page of matches.
	 *
	 * @param items the matches
	 * @param next the {@code after} of the next page, absent on the last
	 */
	record MatchPage(List<Match> items, @Nullable UUID next) {

	}

}
