package dev.vestline.reconciliation.api;

import org.jspecify.annotations.Nullable;

/**
 * ETags of versioned resources: the version, quoted. {@code If-Match} must name one.
 */
public final class Etags {

	private Etags() {
	}

	public static String of(long version) {
		return "\"" + version + "\"";
	}

	/**
	 * @param ifMatch the {@code If-Match} header
	 * @return the version it names
	 * @throws ApiProblem 428 when absent, 400 when it names no version
	 */
	public static long version(@Nullable String ifMatch) {
		if (ifMatch == null || ifMatch.isBlank()) {
			throw ApiProblem.preconditionRequired(
					"Send If-Match with the ETag you last read, so that a change made meanwhile is not overwritten");
		}
		String tag = ifMatch.trim();
		if (tag.startsWith("W/")) {
			tag = tag.substring(2);
		}
		tag = tag.replace("\"", "");
		try {
			return Long.parseLong(tag);
		}
		catch (NumberFormatException ex) {
			throw ApiProblem.badRequest("If-Match " + ifMatch + " is not an ETag of this resource");
		}
	}

}
