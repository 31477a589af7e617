package dev.vestline.reconciliation.matching;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class InvestorMentionTests {

	@Test
	void findsTheInvestorIdAsAWholeWordIgnoringCase() {
		assertThat(InvestorMention.named("Subscription INV-1 Alice", "inv-1")).isTrue();
		assertThat(InvestorMention.named("inv-1", "inv-1")).isTrue();
		assertThat(InvestorMention.named("ref:inv-1/2026", "inv-1")).isTrue();
	}

	@Test
	void doesNotFindItInsideALongerId() {
		assertThat(InvestorMention.named("Subscription inv-10", "inv-1")).isFalse();
		assertThat(InvestorMention.named("xinv-1", "inv-1")).isFalse();
		assertThat(InvestorMention.named(null, "inv-1")).isFalse();
	}

	@Test
	void treatsRegexCharactersInIdsLiterally() {
		assertThat(InvestorMention.named("paid by a.b+c", "a.b+c")).isTrue();
		assertThat(InvestorMention.named("paid by axb+c", "a.b+c")).isFalse();
	}

}
