package dev.vestline.approval.web;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;

/**
 * Reads the version a client last saw from {@code If-Match}; ETags are the quoted
 * version.
 */
public final class IfMatch {

	private IfMatch() {
	}

	public static String etag(long version) {
		return "\"" + version + "\"";
	}

	/**
	 * @param header the {@code If-Match} header, possibly absent
	 * @return the version it names
	 * @throws ApiProblem 428 when absent, 400 when not a version
	 */
	public static long version(@Nullable String header) {
		if (header == null || header.isBlank()) {
			throw new ApiProblem(HttpStatus.PRECONDITION_REQUIRED, "if-match-required", "If-Match required",
					"Send If-Match with the ETag of the version you decided on, so a change you have not seen is not overwritten");
		}
		String value = header.trim();
		if (value.startsWith("W/")) {
			value = value.substring(2);
		}
		value = value.replace("\"", "");
		try {
			return Long.parseLong(value);
		}
		catch (NumberFormatException ex) {
			throw ApiProblem.invalidField("If-Match", "must be an ETag this API returned, e.g. \"3\"");
		}
	}

	/**
	 * @throws ApiProblem 412 when the resource moved on
	 */
	public static void check(long expected, long current) {
		if (expected != current) {
			throw new ApiProblem(HttpStatus.PRECONDITION_FAILED, "stale-version", "Stale version",
					"The resource changed since you read it (you sent version " + expected + ", it is now " + current
							+ "); read it again and decide on what it is now")
				.with("currentVersion", current);
		}
	}

}
