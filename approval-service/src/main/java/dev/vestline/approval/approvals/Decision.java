package dev.vestline.approval.approvals;

import dev.vestline.support.domain.InvalidInput;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * A staff member's decision on the current step of an approval.
 *
 * @param decision approve or reject
 * @param reason why; required to reject
 */
public record Decision(@NotNull Verdict decision, @Nullable @Size(max = 2000) String reason) {

	/** What the decider says. */
	public enum Verdict {

		/** The step is approved. */
		APPROVE,
		/** The step, and so the approval, is rejected. */
		REJECT

	}

	String requireReasonToReject() {
		if (this.decision == Verdict.REJECT && (this.reason == null || this.reason.isBlank())) {
			throw InvalidInput.field("reason", "is required to reject");
		}
		return (this.reason != null) ? this.reason.strip() : "";
	}

}
