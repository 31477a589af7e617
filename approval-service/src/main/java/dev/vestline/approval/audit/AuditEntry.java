package dev.vestline.approval.audit;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * One line of an approval's history.
 *
 * @param approvalId the approval
 * @param action what happened, e.g. {@code STEP_APPROVED}, {@code LOST_RACE}
 * @param actor who did it (a user id, or {@code approval-service})
 * @param at when
 * @param step the step concerned, if any
 * @param status the approval's status afterwards (for a refused request: as it was)
 * @param reason why, in words a person understands
 */
public record AuditEntry(UUID approvalId, String action, String actor, Instant at, @Nullable Integer step,
		@Nullable String status, @Nullable String reason) {

}
