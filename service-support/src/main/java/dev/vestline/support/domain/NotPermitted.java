package dev.vestline.support.domain;

/**
 * The caller is known but may not do this: four eyes, not their step, not their investor.
 */
public non-sealed class NotPermitted extends DomainException {

	/**
	 * @param detail what happened, for a person
	 */
	public NotPermitted(String detail) {
		super("forbidden", "Forbidden", detail);
	}

	/**
	 * @param slug a more precise slug of this family, e.g. {@code four-eyes}
	 * @param title a short, stable summary
	 * @param detail what happened, for a person
	 */
	public NotPermitted(String slug, String title, String detail) {
		super(slug, title, detail);
	}

}
