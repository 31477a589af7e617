package dev.vestline.support.domain;

/**
 * The current state does not allow the change: already decided, a lost race, over
 * capacity, a lease held. Reading again may show why; some conflicts pass when retried
 * (see {@link #retryAfter}).
 */
public non-sealed class Conflict extends DomainException {

	/**
	 * @param detail what happened, for a person
	 */
	public Conflict(String detail) {
		super("conflict", "Conflict", detail);
	}

	/**
	 * @param slug a more precise slug of this family, e.g. {@code over-capacity}
	 * @param title a short, stable summary
	 * @param detail what happened, for a person
	 */
	public Conflict(String slug, String title, String detail) {
		super(slug, title, detail);
	}

}
