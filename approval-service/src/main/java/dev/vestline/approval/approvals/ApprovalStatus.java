package dev.vestline.approval.approvals;

/**
 * Where an approval stands. {@code PENDING}, {@code GRANTED} and {@code CANCELLING} are
 * open; the others end it.
 */
public enum ApprovalStatus {

	/** Waiting for the decision of its current step. */
	PENDING,
	/** Every step approved; a subscription's amount is reserved. */
	GRANTED,
	/**
	 * Granted, and someone asked to cancel it: the amount stays reserved until the
	 * signing workflow's outcome says whether the cancellation can happen.
	 */
	CANCELLING,
	/** Granted, and its signing workflow completed. */
	EXECUTED,
	/** A step was rejected. */
	REJECTED,
	/** Not decided in time. */
	EXPIRED,
	/** Withdrawn, or its signing workflow was cancelled. */
	CANCELLED

}
