package dev.vestline.support.domain;

/**
 * What the request names does not exist (or the caller may not know it does).
 */
public non-sealed class NotFound extends DomainException {

	/**
	 * @param detail what happened, for a person
	 */
	public NotFound(String detail) {
		super("not-found", "Not found", detail);
	}

	/**
	 * @param slug a more precise slug of this family, e.g. {@code unknown-link}
	 * @param title a short, stable summary
	 * @param detail what happened, for a person
	 */
	public NotFound(String slug, String title, String detail) {
		super(slug, title, detail);
	}

}
