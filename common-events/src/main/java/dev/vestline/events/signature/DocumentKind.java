package dev.vestline.events.signature;

/**
 * The document a signing workflow gets signed.
 */
public enum DocumentKind {

	/**
	 * A non-disclosure agreement for a deal interest, signed by investor and
	 * counterparty.
	 */
	NDA,

	/** A subscription pack for a subscription, signed by investor and arranger. */
	SUBSCRIPTION_PACK

}
