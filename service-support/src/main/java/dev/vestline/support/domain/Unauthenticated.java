package dev.vestline.support.domain;

/**
 * The caller could not be recognised (a webhook's signature that does not verify, say).
 */
public non-sealed class Unauthenticated extends DomainException {

	/**
	 * @param detail what happened, for a person
	 */
	public Unauthenticated(String detail) {
		super("unauthenticated", "Authentication required", detail);
	}

	/**
	 * @param slug a more precise slug of this family, e.g. {@code unauthenticated}
	 * @param title a short, stable summary
	 * @param detail what happened, for a person
	 */
	public Unauthenticated(String slug, String title, String detail) {
		super(slug, title, detail);
	}

}
