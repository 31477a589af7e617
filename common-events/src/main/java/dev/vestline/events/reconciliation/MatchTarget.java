package dev.vestline.events.reconciliation;

/**
 * What a bank transaction was matched to.
 */
public enum MatchTarget {

	/** A subscription's commitment, which the money funds. */
	SUBSCRIPTION,

	/** An issued invoice, which the money pays. */
	INVOICE

}
