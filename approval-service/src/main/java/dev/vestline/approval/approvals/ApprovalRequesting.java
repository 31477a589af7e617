package dev.vestline.approval.approvals;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import com.fasterxml.uuid.Generators;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.vestline.approval.audit.AuditEntry;
import dev.vestline.approval.deals.Deal;
import dev.vestline.approval.deals.Deals;
import dev.vestline.approval.web.Caller;
import dev.vestline.events.Money;
import dev.vestline.support.domain.Conflict;
import dev.vestline.support.domain.InvalidInput;
import dev.vestline.support.domain.Unacceptable;

/**
 * Opens an approval with the chain of steps the policy gives, at most one open per deal,
 * investor and kind.
 */
@Service
@Transactional
class ApprovalRequesting {

	private final Deals deals;

	private final Approvals approvals;

	private final ApprovalPolicy policy;

	private final ApprovalRecorder recorder;

	ApprovalRequesting(Deals deals, Approvals approvals, ApprovalPolicy policy, ApprovalRecorder recorder) {
		this.deals = deals;
		this.approvals = approvals;
		this.policy = policy;
		this.recorder = recorder;
	}

	Approval request(NewApproval request, Caller caller) {
		Deal deal = this.deals.find(request.dealId())
			.orElseThrow(
					() -> new Unacceptable("unknown-deal", "Unknown deal", "There is no deal " + request.dealId()));
		Money amount = amountIn(deal, request.amount());
		if (amount != null && amount.amount().compareTo(deal.capacity()) > 0) {
			throw new Unacceptable("exceeds-capacity", "Amount exceeds the deal's capacity",
					"The subscription of " + amount.amount() + " can never fit in the deal's capacity of "
							+ deal.capacity() + " " + deal.currency());
		}
		Instant now = this.recorder.now();
		List<String> steps = this.policy.stepsFor(request.kind(), request.amount());
		Approval approval = new Approval(Generators.timeBasedEpochGenerator().generate(), deal.id(), deal.vehicleId(),
				request.investorId(), request.kind(), request.subscriptionId(), amount, steps, List.of(),
				ApprovalStatus.PENDING, null, caller.id(), now, now.plus(this.policy.expiresAfter()), null, null, null,
				null, null, null, null, null, null, null, null, null, 0);
		if (!this.approvals.insertIfNoneOpen(approval)) {
			refuseDuplicate(request);
		}
		if (request.investor() != null) {
			this.approvals.saveContact(approval.id(), request.investor());
		}
		this.recorder.happened(ApprovalEvents.requested(approval),
				new AuditEntry(approval.id(), "REQUESTED", caller.id(), now, null, "PENDING", null));
		this.recorder.metrics().requested(request.kind().name());
		return approval;
	}

	private void refuseDuplicate(NewApproval request) {
		if (request.subscriptionId() != null && this.approvals.subscriptionTaken(request.subscriptionId())) {
			this.recorder.metrics().conflict("subscription-id-taken");
			throw new Conflict("subscription-id-taken", "Subscription id already used",
					"Subscription " + request.subscriptionId()
							+ " already has an approval; every subscription needs an id of its own")
				.with("subscriptionId", request.subscriptionId().toString());
		}
		var existing = this.approvals.findOpen(request.dealId(), request.investorId(), request.kind().name());
		this.recorder.metrics().conflict("duplicate-open");
		throw new Conflict("approval-already-open", "An approval is already open",
				"Investor " + request.investorId() + " already has an open " + request.kind()
						+ " approval for this deal" + existing.map((id) -> ": " + id).orElse(""))
			.with("existingApprovalId", existing.map(Object::toString).orElse(""));
	}

	/**
	 * The amount as money in the deal's currency, or a 400 naming it when it cannot be.
	 */
	private static @Nullable Money amountIn(Deal deal, @Nullable BigDecimal amount) {
		if (amount == null) {
			return null;
		}
		String problem = Money.amountProblem(amount, deal.currency());
		if (problem != null) {
			throw InvalidInput.field("amount", problem);
		}
		return new Money(amount, deal.currency());
	}

}
