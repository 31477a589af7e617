package dev.vestline.approval.approvals;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import dev.vestline.approval.audit.AuditEntry;
import dev.vestline.approval.deals.Deals;
import dev.vestline.approval.web.Caller;
import dev.vestline.events.DomainEvent;
import dev.vestline.support.domain.Conflict;
import dev.vestline.support.domain.DomainException;
import dev.vestline.support.domain.NotFound;
import dev.vestline.support.domain.NotPermitted;
import dev.vestline.support.domain.StaleVersion;

/**
 * Decides the current step of an approval exactly once: the transition is one update
 * guarded by version, status and expiry; granting a subscription reserves its amount in
 * the same transaction, or nothing happens. Refusals are audited and counted.
 */
@Service
class ApprovalDeciding {

	private final Approvals approvals;

	private final Deals deals;

	private final ApprovalRecorder recorder;

	private final TransactionTemplate transactions;

	ApprovalDeciding(Approvals approvals, Deals deals, ApprovalRecorder recorder, TransactionTemplate transactions) {
		this.approvals = approvals;
		this.deals = deals;
		this.recorder = recorder;
		this.transactions = transactions;
	}

	Approval decide(UUID id, long expectedVersion, Decision decision, Caller caller) {
		String reason = decision.requireReasonToReject();
		try {
			return this.transactions.execute((status) -> decideNow(id, expectedVersion, decision, reason, caller));
		}
		catch (Conflict | StaleVersion problem) {
			this.recorder.refused(new AuditEntry(id, "DECISION_REFUSED", caller.id(), this.recorder.now(), null, null,
					problem.slug() + ": " + problem.getMessage()));
			this.recorder.metrics().conflict(problem.slug());
			throw problem;
		}
	}

	private Approval decideNow(UUID id, long expectedVersion, Decision decision, String reason, Caller caller) {
		Approval a = this.approvals.find(id)
			.orElseThrow(() -> new NotFound("not-found", "Approval not found", "There is no approval " + id));
		StaleVersion.check(expectedVersion, a.version());
		Instant now = this.recorder.now();
		checkDecidable(a, now, caller);
		if (decision.decision() == Decision.Verdict.REJECT) {
			if (!this.approvals.reject(a, caller.id(), reason, now)) {
				throw lostRace(id);
			}
			this.recorder.happened(ApprovalEvents.rejected(a, caller.id(), reason, now),
					new AuditEntry(id, "REJECTED", caller.id(), now, a.currentStep(), "REJECTED", reason));
			this.recorder.metrics().decided("rejected");
		}
		else {
			approve(a, caller, reason, now);
		}
		return this.approvals.find(id).orElseThrow();
	}

	private void approve(Approval a, Caller caller, String reason, Instant now) {
		if (!this.approvals.approveStep(a, caller.id(), now)) {
			throw lostRace(a.id());
		}
		List<DomainEvent> events = new ArrayList<>(List.of(ApprovalEvents.stepApproved(a, caller.id(), now)));
		if (a.isLastStep()) {
			if (a.amount() != null && !this.deals.reserve(a.dealId(), a.amount().amount())) {
				// the exception rolls the step back: the approval stays pending on its
				// last step
				throw new Conflict("over-capacity", "Deal capacity exhausted", "Granting " + a.amount().amount() + " "
						+ a.amount().currency() + " would oversubscribe the deal; nothing was changed");
			}
			events.add(ApprovalEvents.granted(a, caller.id(), now, this.approvals.contactOf(a.id()).orElse(null)));
		}
		String action = a.isLastStep() ? "GRANTED" : "STEP_APPROVED";
		this.recorder.happened(events, new AuditEntry(a.id(), action, caller.id(), now, a.currentStep(),
				a.isLastStep() ? "GRANTED" : "PENDING", reason.isEmpty() ? null : reason));
		this.recorder.metrics().decided(a.isLastStep() ? "granted" : "step-approved");
	}

	private static void checkDecidable(Approval a, Instant now, Caller caller) {
		if (a.status() != ApprovalStatus.PENDING) {
			throw new Conflict("already-decided", "Approval no longer pending",
					"The approval is " + a.status() + "; there is nothing left to decide")
				.with("status", a.status().name())
				.with("version", a.version());
		}
		if (a.isOverdueAt(now)) {
			throw new Conflict("approval-expired", "Approval expired",
					"The approval expired at " + a.expiresAt() + " and can no longer be decided");
		}
		if (!caller.has(a.currentRole())) {
			throw new NotPermitted("wrong-role", "Not your step",
					"Step " + a.currentStep() + " is decided by the role " + a.currentRole());
		}
		if (a.investorId().equals(caller.id())) {
			throw new NotPermitted("own-investment", "Your own investment",
					"This approval is for your own investment; someone else must decide it, whatever your roles");
		}
		if (a.requestedBy().equals(caller.id())) {
			throw new NotPermitted("own-request", "Your own request",
					"You requested this approval; someone else must decide it (four eyes)");
		}
		if (a.hasDecided(caller.id())) {
			throw new NotPermitted("four-eyes", "Four eyes",
					"You already decided a step of this approval; another person must decide this one");
		}
	}

	private DomainException lostRace(UUID id) {
		Approval current = this.approvals.find(id).orElseThrow();
		return new Conflict("lost-race", "Decided concurrently",
				"Someone else changed the approval at the same moment; it is now " + current.status() + " at step "
						+ Math.min(current.currentStep(), current.steps().size()))
			.with("status", current.status().name())
			.with("version", current.version());
	}

}
