package dev.vestline.billing.web;

import org.jspecify.annotations.Nullable;

/**
 * ETags are the resource's version; every change of a versioned resource (fee schedule,
 * fee, invoice) must name the version it read: 428 without {@code If-Match}, 412 when it
 * is stale.
 */
public final class ConditionalRequests {

	private ConditionalRequests() {
	}

	public static String etag(long version) {
		return "\"" + version + "\"";
	}

	/**
	 * @param ifMatch the {@code If-Match} header
	 * @return the version it names
	 * @throws Problem 428 when absent, 412 when it names no version
	 */
	public static long requiredVersion(@Nullable String ifMatch) {
		if (ifMatch == null || ifMatch.isBlank()) {
			throw Problem.ifMatchRequired();
		}
		String value = ifMatch.trim();
		if (value.startsWith("W/")) {
			value = value.substring(2);
		}
		value = value.replace("\"", "");
		try {
			return Long.parseLong(value);
		}
		catch (NumberFormatException ex) {
			throw Problem.unprocessable("If-Match must be an ETag this service issued, e.g. \"3\"");
		}
	}

}
