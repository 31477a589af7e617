package dev.vestline.support.domain;

/**
 * What the request uses lived out its time (a signing link) and will not come back.
 */
public non-sealed class Expired extends DomainException {

	/**
	 * @param detail what happened, for a person
	 */
	public Expired(String detail) {
		super("expired", "Expired", detail);
	}

	/**
	 * @param slug a more precise slug of this family, e.g. {@code link-expired}
	 * @param title a short, stable summary
	 * @param detail what happened, for a person
	 */
	public Expired(String slug, String title, String detail) {
		super(slug, title, detail);
	}

}
