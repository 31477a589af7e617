package dev.vestline.fuzz;

import java.util.List;

/** The hostile values themselves, in one place so the README can point at them. */
final class Hostile {

	private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

	/** JSON number literals: out of range, negative, zero, not integers, too precise. */
	static final List<String> NUMBERS = List.of("1e400", "-1e400", "-1", "0", "9223372036854775808",
			"123456789012345678901234567890", "1.5", "1.123456789", "-0.0000000001");

	/** Overlong strings: past any column or index limit, and a megabyte. */
	static final List<Integer> LONG_STRINGS = List.of(3_000, 1_000_000);

	/** Strings no column should take as they are. */
	static final List<String> ODD_STRINGS = List.of("", " ", "nul\u0000byte", "1e400", "-1", "not-a-uuid");

	/** Whole JSON bodies that are well-formed but not an object, or not JSON at all. */
	static final List<String> BODIES = List.of("", "null", "[]", "{}", "\"text\"", "1e400",
			"123456789012345678901234567890", "true", "{\"unterminated\": ", "{'single': 'quotes'}",
			"[".repeat(100_000), "\u0000\u0001\u0002");

	/** Path parameter values: not the type, an encoded slash or nul, very long. */
	static final List<String> PATH_VALUES = List.of("not-a-uuid", "%2F", "a%2Fb", "%00", "%20", "-1", "1e400",
			"00000000-0000-0000-0000-000000000000", "9223372036854775808", text(3_000), text(10_000));

	/** Query parameter values. */
	static final List<String> QUERY_VALUES = List.of("", "not-a-uuid", "-1", "0", "1.5", "1e400", "9223372036854775808",
			"%00", text(3_000), "NOT_A_VALUE");

	/** Header parameter values (Idempotency-Key, If-Match, ...). */
	static final List<String> HEADER_VALUES = List.of("", text(3_000), "not-an-etag", "\"-1\"",
			"\"9223372036854775808\"", "W/\"0\"", "*");

	/** Size of the oversized body: far above any JSON a client sends. */
	static final int OVERSIZED_BODY = 8 * 1024 * 1024;

	private Hostile() {
	}

	/**
	 * Letters and digits that do not repeat in any pattern PostgreSQL's compression
	 * finds: {@code "x".repeat(3000)} compresses to a few bytes and fits any index; real
	 * text does not.
	 * @param length how many characters
	 * @return the same text for the same length, every run
	 */
	static String text(int length) {
		StringBuilder text = new StringBuilder(length);
		long state = length;
		for (int i = 0; i < length; i++) {
			state = state * 6364136223846793005L + 1442695040888963407L;
			text.append(ALPHABET.charAt((int) ((state >>> 33) % ALPHABET.length())));
		}
		return text.toString();
	}

}
