package dev.vestline.events.billing;

/**
 * Where a payment recorded against an invoice came from.
 */
public enum PaymentSource {

	/** A bank transaction matched to the invoice by reconciliation. */
	BANK,

	/** A payment provider, reported by its signed webhook. */
	PROVIDER,

	/** The investor's credit from earlier overpayments. */
	CREDIT

}
