package dev.vestline.console.approvals;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import org.jspecify.annotations.Nullable;

/**
 * One line of an approval's history, as staff see it.
 *
 * @param action e.g. {@code STEP_APPROVED}, {@code DECISION_REFUSED}
 * @param actor who
 * @param at when
 * @param step the step concerned
 * @param status the approval's status afterwards
 * @param reason why
 */
record HistoryEntry(String action, String actor, Instant at, @Nullable Integer step, @Nullable String status,
		@Nullable String reason) {

	static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
		.withZone(ZoneOffset.UTC);

	public String atInWords() {
		return MOMENT.format(this.at);
	}

	/** A refused or ignored request changed nothing. */
	boolean changedSomething() {
		return !this.action.endsWith("_REFUSED") && !this.action.endsWith("_IGNORED");
	}

	public String actionInWords() {
		return switch (this.action) {
			case "REQUESTED" -> "requested the approval";
			case "STEP_APPROVED" -> "approved step " + this.step;
			case "GRANTED" -> "approved step " + this.step + ", the last: granted";
			case "REJECTED" -> "rejected step " + this.step;
			case "EXPIRED" -> "let it expire";
			case "CANCEL_REQUESTED" -> "asked to cancel it";
			case "CANCELLED" -> "cancelled it";
			case "EXECUTED" -> "saw its signing completed";
			case "REOPENED" -> "reopened it";
			case "WORKFLOW_OPENED" -> "opened its signing workflow";
			case "DECISION_REFUSED" -> "tried to decide, refused";
			default -> this.action.toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
		};
	}

}
