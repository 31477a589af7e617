package dev.vestline.reconciliation.matching;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Whether a payer's text names an investor: the investor id as a whole token, ignoring
 * case. Tokens are separated only by white space and by {@code , ; ( ) [ ] { } < > " '};
 * a full stop, colon, exclamation or question mark ending a token is dropped. Everything
 * else ({@code - _ . / @ : +}) may be part of an id, so {@code inv-1} is not found in
 * {@code inv-10}, {@code inv-1-b}, {@code inv-1.3}, {@code inv-1/9} or {@code x:inv-1}: a
 * line that names an investor less clearly gets no suggestion, never another investor's.
 */
final class InvestorMention {

	private static final Pattern SEPARATORS = Pattern.compile("[\\s,;()\\[\\]{}<>\"']+");

	private static final Pattern TRAILING = Pattern.compile("[.:!?]+$");

	private InvestorMention() {
	}

	static boolean named(@Nullable String text, String investorId) {
		return !investorId.isBlank() && tokens(text).contains(investorId.toLowerCase(Locale.ROOT));
	}

	/**
	 * @param text what a payer wrote
	 * @return its tokens, lower case, in order
	 */
	static List<String> tokens(@Nullable String text) {
		if (text == null) {
			return List.of();
		}
		return SEPARATORS.splitAsStream(text.toLowerCase(Locale.ROOT))
			.map((token) -> TRAILING.matcher(token).replaceFirst(""))
			.filter((token) -> !token.isEmpty())
			.toList();
	}

}
