package dev.vestline.support.domain;

/**
 * The caller changed a resource from a version it read, and the resource has moved on
 * since: it must read again and decide on what is there now. Carries the current version.
 */
public non-sealed class StaleVersion extends DomainException {

	private final long currentVersion;

	/**
	 * @param currentVersion the version the resource is at now
	 * @param detail what happened, for a person
	 */
	public StaleVersion(long currentVersion, String detail) {
		super("stale-version", "Stale version", detail);
		this.currentVersion = currentVersion;
		with("currentVersion", currentVersion);
	}

	/**
	 * @param current the version the resource is at now
	 * @return the exception, with a detail that names the current version
	 */
	public static StaleVersion of(long current) {
		return new StaleVersion(current,
				"The resource changed since you read it (it is now version " + current + "); read it again and retry");
	}

	/**
	 * @param expected the version the caller read ({@code If-Match})
	 * @param current the version the resource is at
	 * @throws StaleVersion when they differ
	 */
	public static void check(long expected, long current) {
		if (expected != current) {
			throw new StaleVersion(current, "The resource changed since you read it (you sent version " + expected
					+ ", it is now " + current + "); read it again and decide on what it is now");
		}
	}

	/**
	 * @return the version the resource is at now
	 */
	public long currentVersion() {
		return this.currentVersion;
	}

}
