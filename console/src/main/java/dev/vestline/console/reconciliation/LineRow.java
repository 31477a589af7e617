package dev.vestline.console.reconciliation;

import org.jspecify.annotations.Nullable;

/**
 * A bank line on the desk, with its open suggestion as it was read (its ETag goes with
 * the accept and reject buttons).
 *
 * @param line the line
 * @param suggestion its open suggestion, if any
 */
record LineRow(BankLine line, DeskApi.@Nullable Seen suggestion) {

	static LineRow of(BankLine line, DeskApi api) {
		return new LineRow(line, (line.suggestion() != null) ? api.match(line.suggestion()) : null);
	}

}
