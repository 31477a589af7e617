package dev.vestline.approval.approvals;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import dev.vestline.approval.web.ApiProblem;

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
			throw ApiProblem.invalidField("reason", "is required to reject");
		}
		return (this.reason != null) ? this.reason.strip() : "";
	}

}
