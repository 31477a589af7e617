package dev.vestline.reconciliation.statements;

import java.util.List;

/**
 * The answer to a statement import: counts, and every line's outcome in file order.
 *
 * @param format the format read
 * @param newLines lines imported now
 * @param duplicateLines lines imported before
 * @param rejectedLines lines not imported
 * @param lines each line's outcome
 */
public record ImportSummary(String format, long newLines, long duplicateLines, long rejectedLines,
		List<LineOutcome> lines) {

	static ImportSummary of(StatementFormat format, List<LineOutcome> lines) {
		return new ImportSummary(format.name(), count(lines, LineOutcome.Outcome.NEW),
				count(lines, LineOutcome.Outcome.DUPLICATE), count(lines, LineOutcome.Outcome.REJECTED), lines);
	}

	private static long count(List<LineOutcome> lines, LineOutcome.Outcome outcome) {
		return lines.stream().filter((line) -> line.outcome() == outcome).count();
	}

}
