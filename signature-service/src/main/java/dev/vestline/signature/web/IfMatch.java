package dev.vestline.signature.web;

import org.jspecify.annotations.Nullable;

/**
 * Reads the version a client expects from an {@code If-Match} header: the resource's
 * ETag, quoted or weak.
 */
public final class IfMatch {

	private IfMatch() {
	}

	/**
	 * @param header the header value, or {@code null} when absent
	 * @return the expected version
	 * @throws ApiProblem 428 when absent, 412 when it names no version
	 */
	public static int version(@Nullable String header) {
		if (header == null || header.isBlank()) {
			throw ApiProblem.ifMatchRequired();
		}
		String tag = header.trim();
		if (tag.startsWith("W/")) {
			tag = tag.substring(2);
		}
		tag = tag.replace("\"", "");
		try {
			return Integer.parseInt(tag);
		}
		catch (NumberFormatException ex) {
			throw ApiProblem.stale("If-Match " + header + " is not an ETag of this resource.");
		}
	}

	/**
	 * @param version a resource version
	 * @return its ETag
	 */
	public static String etag(int version) {
		return "\"" + version + "\"";
	}

}
