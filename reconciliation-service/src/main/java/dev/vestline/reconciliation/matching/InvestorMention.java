package dev.vestline.reconciliation.matching;

import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Whether a payer's text names an investor: the investor id as a whole word, ignoring
 * case, so that {@code inv-1} is not found in {@code inv-10}.
 */
final class InvestorMention {

	private InvestorMention() {
	}

	static boolean named(@Nullable String text, String investorId) {
		if (text == null || investorId.isBlank()) {
			return false;
		}
		return Pattern
			.compile("(?<![\\p{Alnum}])" + Pattern.quote(investorId) + "(?![\\p{Alnum}])",
					Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE)
			.matcher(text)
			.find();
	}

}
