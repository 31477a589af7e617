package dev.vestline.approval.approvals;

import java.time.Instant;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.vestline.approval.audit.AuditEntry;
import dev.vestline.approval.web.Caller;
import dev.vestline.support.domain.Conflict;
import dev.vestline.support.domain.DomainException;
import dev.vestline.support.domain.NotFound;
import dev.vestline.support.domain.StaleVersion;

/**
 * Cancels an approval a person withdraws. A pending one ends at once (it holds no
 * capacity). A granted one may already be signed, its fee accrued: it becomes
 * {@code CANCELLING}, keeps its reservation and asks the signature service, whose
 * workflow decides (see {@code Compensation}); capacity is released only then, once.
 */
@Service
@Transactional
class ApprovalCancelling {

	private final Approvals approvals;

	private final ApprovalRecorder recorder;

	ApprovalCancelling(Approvals approvals, ApprovalRecorder recorder) {
		this.approvals = approvals;
		this.recorder = recorder;
	}

	Approval cancel(UUID id, long expectedVersion, String reason, Caller caller) {
		Approval a = this.approvals.find(id)
			.filter((found) -> caller.maySee(found.investorId()))
			.orElseThrow(() -> new NotFound("not-found", "Approval not found", "There is no approval " + id));
		StaleVersion.check(expectedVersion, a.version());
		Instant now = this.recorder.now();
		if (a.status() == ApprovalStatus.PENDING) {
			cancelPending(a, reason, caller, now);
		}
		else if (a.status() == ApprovalStatus.GRANTED) {
			requestCancellation(a, reason, caller, now);
		}
		else {
			throw new Conflict("not-cancellable", "Approval cannot be cancelled",
					"The approval is " + a.status() + "; only a pending or granted approval can be cancelled")
				.with("status", a.status().name());
		}
		return this.approvals.find(id).orElseThrow();
	}

	private void cancelPending(Approval a, String reason, Caller caller, Instant now) {
		if (!this.approvals.cancel(a, caller.id(), reason, now)) {
			throw lostRace(a, caller, now);
		}
		this.recorder.happened(ApprovalEvents.cancelled(a, caller.id(), reason, now),
				new AuditEntry(a.id(), "CANCELLED", caller.id(), now, null, "CANCELLED", reason));
		this.recorder.metrics().cancelled();
	}

	private void requestCancellation(Approval a, String reason, Caller caller, Instant now) {
		if (!this.approvals.requestCancellation(a, caller.id(), reason, now)) {
			throw lostRace(a, caller, now);
		}
		this.recorder.happened(ApprovalEvents.cancellationRequested(a, caller.id(), reason, now),
				new AuditEntry(a.id(), "CANCEL_REQUESTED", caller.id(), now, null, "CANCELLING", reason));
		this.recorder.metrics().cancellationRequested();
	}

	private DomainException lostRace(Approval a, Caller caller, Instant now) {
		this.recorder.metrics().conflict("lost-race");
		this.recorder.refused(new AuditEntry(a.id(), "CANCEL_REFUSED", caller.id(), now, null, null,
				"lost-race: changed concurrently"));
		return new Conflict("lost-race", "Changed concurrently",
				"Someone else changed the approval at the same moment; read it again");
	}

}
