package dev.vestline.console.operations;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One entry of a service's audit of operator actions.
 *
 * @param id its place in the audit
 * @param takenAt when
 * @param actor who (the token's subject)
 * @param actorName the person's name, where the token gave one
 * @param action what, e.g. {@code dead-letter.discard}
 * @param target to what
 * @param reason why
 * @param outcome what came of it
 */
record OperatorAction(long id, Instant takenAt, String actor, @Nullable String actorName, String action, String target,
		@Nullable String reason, String outcome) {

	public String whenInWords() {
		return Ages.at(this.takenAt);
	}

	public String who() {
		return (this.actorName != null && !this.actorName.equals(this.actor)) ? this.actorName + " (" + this.actor + ")"
				: this.actor;
	}

	public String actionInWords() {
		return switch (this.action) {
			case "dead-letter.replay" -> "replayed dead letters";
			case "dead-letter.discard" -> "discarded a dead letter";
			case "parked-event.retry" -> "retried a parked event";
			case "parked-event.discard" -> "discarded a parked event";
			case "mail.resend" -> "re-sent a mail";
			case "consistency-check.run", "invariant-check.run" -> "ran the invariant check";
			default -> this.action;
		};
	}

	/**
	 * @param items newest first
	 * @param next the cursor of the older page, absent on the last
	 */
	record Page(List<OperatorAction> items, @Nullable String next) {
	}

}
