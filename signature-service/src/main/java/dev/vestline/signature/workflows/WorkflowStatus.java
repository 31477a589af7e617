package dev.vestline.signature.workflows;

/**
 * Where a signing workflow stands.
 */
public enum WorkflowStatus {

	/** Waiting for signatures. */
	OPEN,

	/** Every signer signed. */
	COMPLETED,

	/** Cancelled by staff or because its approval was cancelled. */
	CANCELLED,

	/** A signer declined. */
	DECLINED,

	/** Could not be opened. */
	FAILED

}
