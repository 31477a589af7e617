package dev.vestline.reconciliation.matching;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import dev.vestline.reconciliation.Scenario;
import dev.vestline.reconciliation.ServiceIntegrationTest;
import dev.vestline.reconciliation.expectations.Expecting;
import dev.vestline.reconciliation.statements.Importing;
import dev.vestline.testharness.Race;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whichever of an expectation and its bank line is recorded second finds the first, even
 * when both are recorded at the same moment and neither transaction sees the other's
 * uncommitted row.
 */
class ArrivalOrderIntegrationTests extends ServiceIntegrationTest {

	private static final int ROUNDS = 30;

	private static final int PAIRS = 4;

	@Autowired
	ApplicationContext context;

	@Test
	void everyLineRecordedAtTheSameMomentAsItsExpectationGetsItsSuggestion() {
		int suggested = 0;
		for (int round = 0; round < ROUNDS; round++) {
			List<Pair> pairs = new ArrayList<>();
			for (int i = 0; i < PAIRS; i++) {
				pairs.add((i % 2 == 0) ? invoicePair() : subscriptionPair());
			}

			List<String> lines = Race.run(2 * PAIRS, (contender) -> {
				Pair pair = pairs.get(contender / 2);
				if (contender % 2 == 0) {
					pair.expect().run();
					return "expected";
				}
				return Importing.csv(this.context, pair.row()).lines().get(0).bankTransactionId().toString();
			});

			for (int i = 0; i < PAIRS; i++) {
				UUID line = UUID.fromString(lines.get(2 * i + 1));
				assertThat(suggestedTargets(line)).as("round %d, pair %d", round, i)
					.containsExactly(pairs.get(i).target());
				suggested++;
			}
		}
		assertThat(suggested).isEqualTo(ROUNDS * PAIRS);
	}

	private Pair invoicePair() {
		UUID invoice = Scenario.newId();
		String reference = "RF" + Math.abs(invoice.getLeastSignificantBits());
		String investor = Scenario.unique("inv-race");
		return new Pair(invoice,
				() -> Expecting.invoice(this.context, Scenario.invoiceIssued(invoice, investor, "75.00", reference)),
				Scenario.unique("ACC") + "," + Scenario.unique("REF") + ",2026-11-20,75.00,EUR,Payer,Fee " + reference);
	}

	private Pair subscriptionPair() {
		UUID subscription = Scenario.newId();
		String investor = Scenario.unique("inv-race");
		return new Pair(subscription,
				() -> Expecting.subscription(this.context,
						Scenario.packSigned(subscription, investor, Scenario.newId(), "900.00")),
				Scenario.unique("ACC") + "," + Scenario.unique("REF") + ",2026-11-20,900.00,EUR,Payer,Subscription "
						+ investor);
	}

	private List<UUID> suggestedTargets(UUID line) {
		return this.jdbc.sql("""
				SELECT coalesce(subscription_id, invoice_id) FROM bank_match
				 WHERE bank_transaction_id = ? AND status = 'SUGGESTED'
				""").param(line).query(UUID.class).list();
	}

	private record Pair(UUID target, Runnable expect, String row) {
	}

}
