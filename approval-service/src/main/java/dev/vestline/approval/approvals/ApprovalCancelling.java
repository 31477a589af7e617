package dev.vestline.approval.approvals;

import java.time.Instant;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.vestline.approval.audit.AuditEntry;
import dev.vestline.approval.deals.Deals;
import dev.vestline.approval.web.ApiProblem;
import dev.vestline.approval.web.Caller;
import dev.vestline.approval.web.IfMatch;

/**
 * Cancels an open approval (the investor withdrew) and gives back any capacity it held,
 * exactly once: only the guarded transition that cleared the reservation releases it.
 */
@Service
@Transactional
class ApprovalCancelling {

	private final Approvals approvals;

	private final Deals deals;

	private final ApprovalRecorder recorder;

	ApprovalCancelling(Approvals approvals, Deals deals, ApprovalRecorder recorder) {
		this.approvals = approvals;
		this.deals = deals;
		this.recorder = recorder;
	}

	Approval cancel(UUID id, long expectedVersion, String reason, Caller caller) {
		Approval a = this.approvals.find(id)
			.filter((found) -> caller.maySee(found.investorId()))
			.orElseThrow(() -> ApiProblem.notFound("Approval", id));
		IfMatch.check(expectedVersion, a.version());
		if (a.status() != ApprovalStatus.PENDING && a.status() != ApprovalStatus.GRANTED) {
			throw ApiProblem
				.conflict("not-cancellable", "Approval cannot be cancelled",
						"The approval is " + a.status() + "; only a pending or granted approval can be cancelled")
				.with("status", a.status().name());
		}
		Instant now = this.recorder.now();
		if (!this.approvals.cancel(a, caller.id(), reason, now)) {
			this.recorder.metrics().conflict("lost-race");
			this.recorder.refused(new AuditEntry(id, "CANCEL_REFUSED", caller.id(), now, null, null,
					"lost-race: changed concurrently"));
			throw ApiProblem.conflict("lost-race", "Changed concurrently",
					"Someone else changed the approval at the same moment; read it again");
		}
		if (a.reservedAmount() != null) {
			this.deals.release(a.dealId(), a.reservedAmount());
		}
		this.recorder.happened(ApprovalEvents.cancelled(a, caller.id(), reason, now),
				new AuditEntry(id, "CANCELLED", caller.id(), now, null, "CANCELLED", reason));
		this.recorder.metrics().cancelled();
		return this.approvals.find(id).orElseThrow();
	}

}
