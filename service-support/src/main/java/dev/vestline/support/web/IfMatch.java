package dev.vestline.support.web;

import dev.vestline.support.domain.InvalidInput;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * Conditional requests, one behaviour in every service: the {@code ETag} of a versioned
 * resource is its version, quoted; a change of it names the version it read in
 * {@code If-Match}. Missing: 428 {@code if-match-required}; not a version: 400
 * {@code invalid-request} naming {@code If-Match}; stale: 412 {@code stale-version},
 * which the domain decides ({@link dev.vestline.support.domain.StaleVersion}).
 */
public final class IfMatch {

	/** The problem type slug of a change without {@code If-Match}. */
	public static final String REQUIRED = "if-match-required";

	private IfMatch() {
	}

	/**
	 * @param version a resource's version
	 * @return its ETag, e.g. {@code "3"}
	 */
	public static String etag(long version) {
		return "\"" + version + "\"";
	}

	/**
	 * @param header the {@code If-Match} header, or {@code null} when absent
	 * @return the version it names (quoted or not; a weak ETag names the same version)
	 * @throws ErrorResponseException 428 when absent
	 * @throws InvalidInput when it names no version
	 */
	public static long version(@Nullable String header) {
		if (header == null || header.isBlank()) {
			throw new ErrorResponseException(HttpStatus.PRECONDITION_REQUIRED, Problems.of(
					HttpStatus.PRECONDITION_REQUIRED, REQUIRED, "If-Match required",
					"Send If-Match with the ETag you last read, so that a change you have not seen is not overwritten"),
					null);
		}
		String tag = header.trim();
		if (tag.startsWith("W/")) {
			tag = tag.substring(2);
		}
		if (tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"")) {
			tag = tag.substring(1, tag.length() - 1);
		}
		// digits only: no sign, no list of tags, no "*" (a change must name what it read)
		if (tag.isEmpty() || tag.length() > 18 || !tag.chars().allMatch((c) -> c >= '0' && c <= '9')) {
			throw malformed();
		}
		return Long.parseLong(tag);
	}

	/**
	 * @param header the {@code If-Match} header, or {@code null} when absent
	 * @return the version it names, for a resource whose versions are {@code int}s
	 */
	public static int intVersion(@Nullable String header) {
		long version = version(header);
		if (version > Integer.MAX_VALUE) {
			throw malformed();
		}
		return (int) version;
	}

	private static InvalidInput malformed() {
		return InvalidInput.field("If-Match", "must be an ETag this API returned, e.g. \"3\"");
	}

}
