package dev.vestline.console.approvals;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

	/**
	 * A refusal's reason as approval-service records it: the problem's slug, then its
	 * detail.
	 */
	private static final Pattern REFUSAL = Pattern.compile("([a-z]+(?:-[a-z]+)*): (.*)", Pattern.DOTALL);

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
			case "DECISION_REFUSED" -> refusalInWords();
			default -> this.action.toLowerCase(Locale.ROOT).replace('_', ' ');
		};
	}

	/**
	 * @return why, for a person: a refusal's reason without the service's problem slug it
	 * starts with (approval-service records {@code slug: detail})
	 */
	public String reasonInWords() {
		if (this.reason == null) {
			return "";
		}
		Matcher refusal = REFUSAL.matcher(this.reason);
		return isRefusal() && refusal.matches() ? refusal.group(2) : this.reason;
	}

	/** What the history table shows as the line's detail: its reason. */
	public String detailInWords() {
		return reasonInWords();
	}

	private String refusalInWords() {
		Matcher refusal = REFUSAL.matcher((this.reason != null) ? this.reason : "");
		return switch (refusal.matches() ? refusal.group(1) : "") {
			case "stale-version" -> "tried to decide from a page that was out of date";
			case "lost-race" -> "tried to decide, but someone decided a moment earlier";
			case "over-capacity" -> "tried to approve beyond the deal's capacity";
			case "approval-expired" -> "tried to decide after it expired";
			case "already-decided" -> "tried to decide after it was decided";
			default -> "tried to decide, refused";
		};
	}

	private boolean isRefusal() {
		return "DECISION_REFUSED".equals(this.action);
	}

}
