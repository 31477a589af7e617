package dev.vestline.reconciliation.matching;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.NumericChars;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class InvestorMentionTests {

	@Test
	void findsTheInvestorIdAsAWholeTokenIgnoringCase() {
		assertThat(InvestorMention.named("Subscription INV-1 Alice", "inv-1")).isTrue();
		assertThat(InvestorMention.named("inv-1", "inv-1")).isTrue();
		assertThat(InvestorMention.named("Paid for (inv-1), thanks", "inv-1")).isTrue();
		assertThat(InvestorMention.named("Subscription of inv-1.", "inv-1")).isTrue();
	}

	@Test
	void doesNotFindItInsideALongerId() {
		assertThat(InvestorMention.named("Subscription inv-10", "inv-1")).isFalse();
		assertThat(InvestorMention.named("xinv-1", "inv-1")).isFalse();
		assertThat(InvestorMention.named("ref:inv-1/2026", "inv-1")).isFalse();
		assertThat(InvestorMention.named("inv-1-b", "inv-1")).isFalse();
		assertThat(InvestorMention.named(null, "inv-1")).isFalse();
	}

	@Test
	void treatsRegexCharactersInIdsLiterally() {
		assertThat(InvestorMention.named("paid by a.b+c", "a.b+c")).isTrue();
		assertThat(InvestorMention.named("paid by axb+c", "a.b+c")).isFalse();
	}

	@Property(tries = 2000)
	void neverFindsAnIdInAnotherIdItIsAPrefixOrSuffixOf(
			@ForAll @AlphaChars @NumericChars @Chars({ '-', '_', '.', '@' }) @StringLength(min = 1, max = 12) String id,
			@ForAll @AlphaChars @NumericChars @Chars({ '-', '_', '.', '/', '@', ':', '+', '#' }) @StringLength(min = 1,
					max = 6) String extension,
			@ForAll @From("separators") String before, @ForAll @From("separators") String after) {
		String longer = id + extension;
		String lead = extension + id;
		// a full stop (colon, ...) ending a token ends the sentence, not the id
		if (!longer.matches(".*[.:!?]+$")) {
			assertThat(InvestorMention.named("Subscription" + before + longer + after + "paid", id)).as(longer)
				.isFalse();
		}
		assertThat(InvestorMention.named("Subscription" + before + lead + after + "paid", id)).as(lead).isFalse();
		assertThat(InvestorMention.named("Subscription" + before + id + after + "paid", longer)).isFalse();
		if (!id.matches(".*[.:!?]+$")) {
			assertThat(InvestorMention.named("Subscription" + before + id + after + "paid", id)).isTrue();
		}
	}

	@Provide
	Arbitrary<String> separators() {
		return Arbitraries.of(" ", ", ", " (", ") ", "; ", "\t", " \"", "' ", " [", "] ");
	}

}
