package dev.vestline.approval.approvals;

/**
 * Where an approval stands. {@code PENDING} and {@code GRANTED} are open; the others end
 * it.
 */
public enum ApprovalStatus {

	/** Waiting for the decision of its current step. */
	PENDING,
	/** Every step approved; a subscription's amount is reserved. */
	GRANTED,
	/** Granted, and its signing workflow completed. */
	EXECUTED,
	/** A step was rejected. */
	REJECTED,
	/** Not decided in time. */
	EXPIRED,
	/** Withdrawn, or its signing workflow was cancelled. */
	CANCELLED

}
