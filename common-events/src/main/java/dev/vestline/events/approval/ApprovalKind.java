package dev.vestline.events.approval;

/**
 * What an approval is for.
 */
public enum ApprovalKind {

	/** An investor's interest in a deal: no amount; once granted, an NDA is signed. */
	DEAL_INTEREST,

	/**
	 * A subscription with an amount, reserved against the deal's capacity when granted; a
	 * subscription pack is signed.
	 */
	SUBSCRIPTION

}
