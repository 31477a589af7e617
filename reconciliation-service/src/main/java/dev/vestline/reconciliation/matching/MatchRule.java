package dev.vestline.reconciliation.matching;

/**
 * Why a match was proposed.
 */
public enum MatchRule {

	/** The payer quoted an invoice's RF payment reference. */
	PAYMENT_REFERENCE,

	/**
	 * The payer named the investor and paid exactly the subscription's outstanding
	 * amount.
	 */
	INVESTOR_AMOUNT,

	/** An operator matched it by hand. */
	MANUAL

}
