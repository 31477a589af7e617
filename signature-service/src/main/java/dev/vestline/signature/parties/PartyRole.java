package dev.vestline.signature.parties;

/**
 * The capacity in which a vehicle's party signs.
 */
public enum PartyRole {

	/** Signs NDAs for deal interest. */
	COUNTERPARTY,

	/** Signs subscription packs. */
	ARRANGER

}
