package dev.vestline.approval.approvals;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import dev.vestline.events.Contact;
import dev.vestline.events.Money;
import dev.vestline.events.approval.ApprovalCancellationRequested;
import dev.vestline.events.approval.ApprovalCancelled;
import dev.vestline.events.approval.ApprovalExpired;
import dev.vestline.events.approval.ApprovalGranted;
import dev.vestline.events.approval.ApprovalRejected;
import dev.vestline.events.approval.ApprovalReopened;
import dev.vestline.events.approval.ApprovalRequested;
import dev.vestline.events.approval.ApprovalStepApproved;

/**
 * The events an approval's transitions publish, built from the approval as it was read.
 */
public final class ApprovalEvents {

	private ApprovalEvents() {
	}

	static ApprovalRequested requested(Approval a) {
		return new ApprovalRequested(a.id(), a.dealId(), a.vehicleId(), a.investorId(), a.kind(), a.subscriptionId(),
				a.amount(), a.steps(), a.requestedBy(), a.requestedAt(), a.expiresAt());
	}

	static ApprovalStepApproved stepApproved(Approval before, String by, Instant at) {
		return new ApprovalStepApproved(before.id(), before.currentStep(), before.currentRole(), by, at,
				before.steps().size() - before.currentStep());
	}

	static ApprovalGranted granted(Approval before, String by, Instant at, @Nullable Contact investor) {
		return new ApprovalGranted(before.id(), before.dealId(), before.vehicleId(), before.investorId(), before.kind(),
				before.subscriptionId(), before.amount(), by, at, investor);
	}

	static ApprovalRejected rejected(Approval before, String by, String reason, Instant at) {
		return new ApprovalRejected(before.id(), before.dealId(), before.investorId(), before.kind(),
				before.currentStep(), before.currentRole(), by, reason, at);
	}

	public static ApprovalCancelled cancelled(Approval before, String by, String reason, Instant at) {
		return new ApprovalCancelled(before.id(), before.dealId(), before.investorId(), before.kind(),
				before.subscriptionId(), before.reservedMoney(), reason, by, at);
	}

	static ApprovalCancellationRequested cancellationRequested(Approval before, String by, String reason, Instant at) {
		return new ApprovalCancellationRequested(before.id(), before.dealId(), before.vehicleId(), before.investorId(),
				before.kind(), before.subscriptionId(), Objects.requireNonNull(before.grantedAt(), "grantedAt"), reason,
				by, at);
	}

	public static ApprovalExpired expired(Approval before, Instant at) {
		return new ApprovalExpired(before.id(), before.dealId(), before.investorId(), before.kind(), at);
	}

	public static ApprovalReopened reopened(Approval before, String reason, @Nullable UUID workflow, Instant at) {
		Money released = before.reservedMoney();
		return new ApprovalReopened(before.id(), before.dealId(), before.investorId(), before.kind(), reason, released,
				workflow, at);
	}

}
