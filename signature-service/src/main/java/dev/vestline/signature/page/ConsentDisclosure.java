package dev.vestline.signature.page;

/**
 * The electronic-records disclosure a signer agrees to before signing (ESIGN/UETA
 * consumer consent; an eIDAS simple electronic signature). Its text is the page's
 * {@code consent} fragment; whenever that text changes, so does {@link #VERSION}, which
 * is recorded with each signature and stated on the certificate of completion.
 */
final class ConsentDisclosure {

	/** The disclosure shown now. */
	static final String VERSION = "esign-disclosure-2026-12";

	private ConsentDisclosure() {
	}

}
