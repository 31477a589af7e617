package dev.vestline.reconciliation.statements;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * What the import did with one statement line.
 *
 * @param where the line ({@code line 3}) or element ({@code Stmt[1]/Ntry[2]})
 * @param accountId the account
 * @param bankReference the bank reference
 * @param outcome new, duplicate or rejected
 * @param bankTransactionId the imported transaction, when new
 * @param reason why it was a duplicate or rejected
 */
public record LineOutcome(String where, String accountId, String bankReference, Outcome outcome,
		@Nullable UUID bankTransactionId, @Nullable String reason) {

	/** What happened to a line. */
	public enum Outcome {

		/** Imported now. */
		NEW,

		/** Imported before, with the same amount and date: nothing added. */
		DUPLICATE,

		/** Not imported, with a reason. */
		REJECTED

	}

}
