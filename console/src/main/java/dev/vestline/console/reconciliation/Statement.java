package dev.vestline.console.reconciliation;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * What reconciliation-service did with an uploaded statement: counts, and every line's
 * outcome in file order.
 *
 * @param format {@code CSV} or {@code CAMT053}
 * @param newLines lines imported now
 * @param duplicateLines lines imported before
 * @param rejectedLines lines not imported
 * @param lines each line's outcome
 */
record Statement(String format, long newLines, long duplicateLines, long rejectedLines, List<Line> lines) {

	/**
	 * One line of the file.
	 *
	 * @param where {@code line 3} or {@code Stmt[1]/Ntry[2]}
	 * @param accountId the account
	 * @param bankReference the bank's reference
	 * @param outcome {@code NEW}, {@code DUPLICATE} or {@code REJECTED}
	 * @param bankTransactionId the line imported, when new
	 * @param reason why it was a duplicate or rejected, in the service's words
	 */
	record Line(String where, String accountId, String bankReference, String outcome, @Nullable UUID bankTransactionId,
			@Nullable String reason) {

		public String outcomeInWords() {
			return switch (this.outcome) {
				case "NEW" -> "New";
				case "DUPLICATE" -> "Duplicate";
				case "REJECTED" -> "Rejected";
				default -> this.outcome.toLowerCase(Locale.ROOT);
			};
		}

	}

}
