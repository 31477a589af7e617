package dev.vestline.reconciliation.statements;

import org.jspecify.annotations.Nullable;

/**
 * Checks the texts of a statement line against their limits ({@link StatementLimits}),
 * counting characters as Unicode code points, and refuses control characters: no table,
 * event or screen needs a NUL or an escape sequence from a bank file.
 */
final class Texts {

	private static final int SHOWN = 40;

	private Texts() {
	}

	/**
	 * @param where the line and field
	 * @param text the text, already trimmed; {@code null} or empty when absent
	 * @param limit the most characters it may have
	 * @return the text, {@code null} when empty
	 */
	static @Nullable String optional(String where, @Nullable String text, int limit) {
		if (text == null || text.isEmpty()) {
			return null;
		}
		int characters = text.codePointCount(0, text.length());
		if (characters > limit) {
			throw new MalformedStatementException(where,
					"has " + characters + " characters, at most " + limit + " characters are allowed");
		}
		if (text.codePoints().anyMatch(Character::isISOControl)) {
			throw new MalformedStatementException(where, "contains a control character");
		}
		return text;
	}

	static String required(String where, @Nullable String text, int limit) {
		String checked = optional(where, text, limit);
		if (checked == null) {
			throw new MalformedStatementException(where, "missing");
		}
		return checked;
	}

	/**
	 * @param text what a caller sent
	 * @return it, cut short enough to quote in a problem
	 */
	static String abbreviated(String text) {
		if (text.codePointCount(0, text.length()) <= SHOWN) {
			return text;
		}
		return text.substring(0, text.offsetByCodePoints(0, SHOWN)) + "…";
	}

}
