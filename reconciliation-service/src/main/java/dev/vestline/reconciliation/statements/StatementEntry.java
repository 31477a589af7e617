package dev.vestline.reconciliation.statements;

import org.jspecify.annotations.Nullable;

/**
 * A parsed statement line and where it was in the file.
 *
 * @param where the element path ({@code Stmt[1]/Ntry[2]}) or line ({@code line 3})
 * @param line the bank line
 * @param notBookedStatus the entry status when the bank did not book it yet (e.g.
 * {@code PDNG}); such a line is rejected, not imported
 */
record StatementEntry(String where, BankLine line, @Nullable String notBookedStatus) {

}
