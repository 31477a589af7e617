package dev.vestline.console.signing;

import java.time.Instant;
import java.util.Locale;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * One line of a workflow's audit log, as staff read it.
 *
 * @param action e.g. {@code SIGNED}, {@code CANCELLED}, {@code LINK_RENEWED}
 * @param actor who: a person, a signer's party id, or the service
 * @param detail in words
 * @param occurredAt when
 */
record AuditEntry(String action, String actor, @Nullable String detail, Instant occurredAt) {

	/** The lease's comings and goings: how signing went, not what changed. */
	private static final Set<String> MECHANICS = Set.of("LEASE_CONTENDED", "LEASE_TAKEN_OVER", "LEASE_REFUSED",
			"LEASE_FENCED", "LEASE_REAPED", "CANCELLATION_IGNORED");

	/** What the history table shows as the line's detail. */
	public String detailInWords() {
		return (this.detail != null) ? this.detail : "";
	}

	public String atInWords() {
		return Moments.of(this.occurredAt);
	}

	/** Whether this line changed the workflow (what a person who was overtaken needs). */
	boolean changedSomething() {
		return !MECHANICS.contains(this.action);
	}

	public String actionInWords() {
		return switch (this.action) {
			case "SIGNED" -> "signed";
			case "COMPLETED" -> "saw everyone sign: completed";
			case "CANCELLED" -> "cancelled it";
			case "DECLINED" -> "declined to sign";
			case "REISSUED" -> "reissued the terms";
			case "LINK_RENEWED" -> "sent a new link";
			case "SEALED" -> "sealed the signed document";
			default -> this.action.toLowerCase(Locale.ROOT).replace('_', ' ');
		};
	}

}
