package dev.vestline.reconciliation.matching;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import dev.vestline.events.signature.SigningWorkflowCompleted;
import dev.vestline.reconciliation.Api;
import dev.vestline.reconciliation.Scenario;
import dev.vestline.reconciliation.ServiceIntegrationTest;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Money is never suggested to the wrong investor: an investor id is found in a bank line
 * only as a whole token, and a line that two expectations fit gets no suggestion but a
 * reason an operator can read.
 */
class RightInvestorIntegrationTests extends ServiceIntegrationTest {

	@Autowired
	AutoMatching autoMatching;

	/** Ways one investor id extends another. */
	private static final List<String> EXTENSIONS = List.of("0", "1", "-1", "_2", ".3", "x", "A", "-b", "/9", "@x.io");

	@Test
	void neverSuggestsTheInvestorWhoseIdIsOnlyPartOfTheOneTheLineNames() {
		UUID vehicle = Scenario.newId();
		List<SigningWorkflowCompleted> packs = new ArrayList<>();
		List<String> rows = new ArrayList<>();
		List<Expected> expected = new ArrayList<>();
		for (int i = 0; i < EXTENSIONS.size(); i++) {
			String shorter = Scenario.unique("inv-R") + "-1";
			String longer = shorter + EXTENSIONS.get(i);
			String shorterOwes = (1000 + i) + ".00";
			String longerOwes = (2000 + i) + ".00";
			UUID shorterSubscription = Scenario.newId();
			UUID longerSubscription = Scenario.newId();
			packs.add(Scenario.packSigned(shorterSubscription, shorter, vehicle, shorterOwes));
			packs.add(Scenario.packSigned(longerSubscription, longer, vehicle, longerOwes));
			// the amount the one investor owes, and the other investor named: no
			// suggestion
			expected.add(new Expected(row(rows, longer, shorterOwes), null));
			expected.add(new Expected(row(rows, shorter, longerOwes), null));
			// the right investor and amount: that investor's subscription
			expected.add(new Expected(row(rows, longer, longerOwes), longerSubscription));
			expected.add(new Expected(row(rows, shorter, shorterOwes), shorterSubscription));
		}
		this.scenario.expect(packs);

		List<UUID> lines = this.scenario.importCsv(rows.toArray(String[]::new));

		for (int i = 0; i < lines.size(); i++) {
			assertThat(suggestedTargets(lines.get(i))).as(rows.get(i))
				.isEqualTo(
						(expected.get(i).subscription() != null) ? List.of(expected.get(i).subscription()) : List.of());
		}
	}

	@Test
	void suggestsNeitherOfTwoSubscriptionsALineFitsAndSaysWhyOnTheLine() {
		String investor = Scenario.unique("inv-twice");
		UUID first = this.scenario.expectSubscription(investor, Scenario.newId(), "500.00");
		UUID second = this.scenario.expectSubscription(investor, Scenario.newId(), "500.00");

		UUID line = this.scenario.credit(investor, "500.00", "Subscription " + investor);

		assertThat(suggestedTargets(line)).isEmpty();
		Api.Response read = this.api.get("/api/v1/bank-transactions/" + line, Scenario.OPERATOR);
		assertThat(read.json().get("suggestion").isNull()).as(read.toString()).isTrue();
		assertThat(read.json().get("noSuggestionReason").asString()).startsWith("ambiguous: fits ")
			.contains("subscription " + first)
			.contains("subscription " + second);
	}

	@Test
	void aSecondExpectationTheLineAlsoFitsWithdrawsItsSuggestionAndSaysWhy() {
		String investor = Scenario.unique("inv-later");
		UUID first = this.scenario.expectSubscription(investor, Scenario.newId(), "640.00");
		UUID line = this.scenario.credit(investor, "640.00", "Subscription " + investor);
		assertThat(suggestedTargets(line)).containsExactly(first);

		UUID second = this.scenario.expectSubscription(investor, Scenario.newId(), "640.00");

		assertThat(suggestedTargets(line)).isEmpty();
		assertThat(this.jdbc.sql("SELECT reason FROM bank_match WHERE bank_transaction_id = ? AND status = 'REJECTED'")
			.param(line)
			.query(String.class)
			.single()).startsWith("ambiguous: fits ");
		assertThat(this.api.get("/api/v1/bank-transactions/" + line, Scenario.OPERATOR)
			.json()
			.get("noSuggestionReason")
			.asString()).contains("subscription " + first).contains("subscription " + second);

		// looked at again (any later expectation may do that): still both fit, still none
		this.autoMatching.suggestFor(line);

		assertThat(suggestedTargets(line)).isEmpty();
	}

	@Test
	void suggestsNeitherOfTwoInvoicesALineQuotesAndSaysWhy() {
		String investor = Scenario.unique("inv-two-invoices");
		String referenceA = referenceOf("A");
		String referenceB = referenceOf("B");
		UUID first = this.scenario.expectInvoice(investor, "80.00", referenceA);
		UUID second = this.scenario.expectInvoice(investor, "80.00", referenceB);

		UUID line = this.scenario.credit(investor, "80.00", "Fees " + referenceA + " and " + referenceB);

		assertThat(suggestedTargets(line)).isEmpty();
		assertThat(this.api.get("/api/v1/bank-transactions/" + line, Scenario.OPERATOR)
			.json()
			.get("noSuggestionReason")
			.asString()).contains("ambiguous").contains("invoice " + first).contains("invoice " + second);
	}

	@Test
	void showsTheSuggestionOnTheLineAndWhyThereIsNoneWhenNothingFits() {
		String investor = Scenario.unique("inv-shown");
		UUID subscription = this.scenario.expectSubscription(investor, Scenario.newId(), "321.00");
		UUID fits = this.scenario.credit(investor, "321.00", "Subscription " + investor);
		UUID nothing = this.scenario.credit(investor, "322.00", "Subscription " + investor);

		Api.Response suggested = this.api.get("/api/v1/bank-transactions/" + fits, Scenario.OPERATOR);
		Api.Response none = this.api.get("/api/v1/bank-transactions/" + nothing, Scenario.OPERATOR);

		assertThat(suggestedTargets(fits)).containsExactly(subscription);
		assertThat(suggested.json().get("suggestion").asString())
			.isEqualTo(this.scenario.suggestionFor(fits).toString());
		assertThat(suggested.json().get("noSuggestionReason").isNull()).isTrue();
		assertThat(none.json().get("suggestion").isNull()).isTrue();
		assertThat(none.json().get("noSuggestionReason").asString()).isEqualTo("nothing expected fits");
	}

	private String referenceOf(String kind) {
		return "RF" + kind + Math.abs(Scenario.newId().getLeastSignificantBits());
	}

	private static String row(List<String> rows, String named, String amount) {
		String row = Scenario.unique("ACC") + "," + Scenario.unique("REF") + ",2026-11-20," + amount
				+ ",EUR,Some Payer,\"Subscription " + named + "\"";
		rows.add(row);
		return row;
	}

	private List<UUID> suggestedTargets(UUID line) {
		return this.jdbc.sql("""
				SELECT coalesce(subscription_id, invoice_id) FROM bank_match
				 WHERE bank_transaction_id = ? AND status = 'SUGGESTED'
				""").param(line).query(UUID.class).list();
	}

	private record Expected(String row, @Nullable UUID subscription) {
	}

}
