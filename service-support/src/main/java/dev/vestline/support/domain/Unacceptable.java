package dev.vestline.support.domain;

/**
 * A well-formed request the domain cannot carry out as asked: it names something unknown,
 * or asks for more than there is.
 */
public non-sealed class Unacceptable extends DomainException {

	/**
	 * @param detail what happened, for a person
	 */
	public Unacceptable(String detail) {
		super("unprocessable", "Unprocessable request", detail);
	}

	/**
	 * @param slug a more precise slug of this family, e.g. {@code unknown-deal}
	 * @param title a short, stable summary
	 * @param detail what happened, for a person
	 */
	public Unacceptable(String slug, String title, String detail) {
		super(slug, title, detail);
	}

}
