package dev.vestline.approval.approvals;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import dev.vestline.approval.audit.AuditEntry;

/**
 * One line of an approval's history as its investor sees it: what happened and when,
 * never which staff member did it or why they refused (refused attempts and the signing
 * internals are left out).
 *
 * @param action what happened, e.g. {@code STEP_APPROVED}
 * @param at when
 * @param step the step concerned, if any
 * @param status the approval's status afterwards
 * @param byYou whether the investor did it
 * @param reason the investor's own reason, or why their cancellation was refused
 */
public record InvestorHistoryEntry(String action, Instant at, @Nullable Integer step, @Nullable String status,
		boolean byYou, @Nullable String reason) {

	private static final Set<String> SHOWN = Set.of("REQUESTED", "STEP_APPROVED", "GRANTED", "REJECTED",
			"CANCEL_REQUESTED", "CANCELLED", "EXPIRED", "REOPENED", "EXECUTED");

	static List<InvestorHistoryEntry> of(List<AuditEntry> history, String investor) {
		return history.stream().flatMap((entry) -> of(entry, investor).stream()).toList();
	}

	private static Optional<InvestorHistoryEntry> of(AuditEntry entry, String investor) {
		boolean byYou = investor.equals(entry.actor());
		if ("CANCEL_REFUSED".equals(entry.action()) && "EXECUTED".equals(entry.status())) {
			return Optional.of(new InvestorHistoryEntry(entry.action(), entry.at(), null, entry.status(), false,
					"signing completed first"));
		}
		if (!SHOWN.contains(entry.action())) {
			return Optional.empty();
		}
		return Optional.of(new InvestorHistoryEntry(entry.action(), entry.at(), entry.step(), entry.status(), byYou,
				byYou ? entry.reason() : null));
	}

}
