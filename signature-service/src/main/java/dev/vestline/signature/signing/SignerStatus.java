package dev.vestline.signature.signing;

/**
 * Where one signer's request stands.
 */
public enum SignerStatus {

	/** Waiting for the signer. */
	PENDING,

	/** Signed; the link is used. */
	SIGNED,

	/** Declined; the link is used. */
	DECLINED,

	/** Voided by a reissue; the link was replaced. */
	VOID

}
