package dev.vestline.reconciliation.matching;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import dev.vestline.events.Topics;
import dev.vestline.events.reconciliation.InvoicePaymentReceived;
import dev.vestline.events.reconciliation.InvoicePaymentReversed;
import dev.vestline.events.reconciliation.MatchReversed;
import dev.vestline.events.reconciliation.MatchTarget;
import dev.vestline.reconciliation.Api;
import dev.vestline.reconciliation.Scenario;
import dev.vestline.reconciliation.ServiceIntegrationTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MatchReversalIntegrationTests extends ServiceIntegrationTest {

	private static final String OPERATOR = Scenario.OPERATOR;

	@Test
	void reversingAnInvoiceMatchTakesThePaymentBackAndFreesTheBankLine() {
		String reference = "RF18" + Scenario.unique("B").toUpperCase().replace("-", "");
		UUID invoiceId = this.scenario.expectInvoice("inv-bounced", "400.00", reference);
		UUID line = this.scenario.credit("payer", "400.00", reference);
		UUID matchId = this.scenario.suggestionFor(line);
		assertThat(this.scenario.accept(matchId, 0, OPERATOR).status()).isEqualTo(200);

		Api.Response reversed = this.scenario.reverse(matchId, 1, "returned by the bank");

		assertThat(reversed.status()).as(reversed.toString()).isEqualTo(200);
		assertThat(reversed.json().get("status").asString()).isEqualTo("REVERSED");
		assertThat(received(invoiceId)).isEqualByComparingTo("0.00");
		var events = awaitPublished(Topics.RECONCILIATION, (all) -> all.stream()
			.anyMatch((e) -> e.is(InvoicePaymentReversed.class) && e.key().equals(invoiceId.toString())));
		InvoicePaymentReversed takenBack = only(events, InvoicePaymentReversed.class, invoiceId);
		assertThat(takenBack.matchId()).isEqualTo(matchId);
		assertThat(takenBack.bankTransactionId()).isEqualTo(line);
		assertThat(takenBack.amount().amount()).isEqualByComparingTo("400.00");
		assertThat(takenBack.reason()).isEqualTo("returned by the bank");
		MatchReversed match = only(events, MatchReversed.class, invoiceId);
		assertThat(match.target()).isEqualTo(MatchTarget.INVOICE);
		assertThat(match.reversedBy()).isEqualTo("olivia");

		// the line, free again, pays the invoice by a manual match; billing gets a second
		// InvoicePaymentReceived for the same bank transaction
		Api.Response again = this.api.postJson("/api/v1/matches", OPERATOR,
				"{\"bankTransactionId\":\"" + line + "\",\"invoiceId\":\"" + invoiceId + "\"}");
		UUID second = UUID.fromString(again.json().get("id").asString());
		assertThat(this.scenario.accept(second, 0, OPERATOR).status()).isEqualTo(200);
		assertThat(received(invoiceId)).isEqualByComparingTo("400.00");
		var all = awaitPublished(Topics.RECONCILIATION,
				(published) -> published.stream()
					.filter((e) -> e.is(InvoicePaymentReceived.class) && e.key().equals(invoiceId.toString()))
					.count() == 2);
		assertThat(all.stream().filter((e) -> e.key().equals(invoiceId.toString())).map(Published::type))
			.as("in the order billing must apply them")
			.containsExactly(ceType("MatchAccepted"), ceType("InvoicePaymentReceived"), ceType("MatchReversed"),
					ceType("InvoicePaymentReversed"), ceType("MatchAccepted"), ceType("InvoicePaymentReceived"));
	}

	@Test
	void twoOperatorsReversingTheSameInvoiceMatchTwentyTimesTakeThePaymentBackOnce() throws Exception {
		int rounds = 20;
		List<UUID> invoices = new ArrayList<>();
		List<String> rows = new ArrayList<>();
		for (int i = 0; i < rounds; i++) {
			String reference = "RF18" + Scenario.unique("R").toUpperCase().replace("-", "");
			invoices.add(this.scenario.expectInvoice("inv-race", "90.00", reference));
			rows.add(Scenario.unique("ACC") + "," + Scenario.unique("R") + ",2026-11-20,90.00,EUR,payer," + reference);
		}
		List<UUID> matches = this.scenario.importCsv(rows.toArray(String[]::new))
			.stream()
			.map(this.scenario::suggestionFor)
			.toList();
		matches.forEach((matchId) -> assertThat(this.scenario.accept(matchId, 0, OPERATOR).status()).isEqualTo(200));

		for (UUID matchId : matches) {
			List<Integer> statuses = race(2, () -> this.scenario.reverse(matchId, 1, "wrong invoice").status());
			assertThat(statuses).containsExactlyInAnyOrder(200, 409);
		}

		List<String> keys = invoices.stream().map(UUID::toString).toList();
		var events = awaitPublished(Topics.RECONCILIATION,
				(all) -> all.stream()
					.filter((e) -> e.is(InvoicePaymentReversed.class) && keys.contains(e.key()))
					.count() >= rounds);
		assertThat(readPublished(Topics.RECONCILIATION, java.time.Duration.ofSeconds(2)).stream()
			.filter((e) -> e.is(InvoicePaymentReversed.class) && keys.contains(e.key()))).hasSize(rounds);
		assertThat(events.stream().filter((e) -> e.is(MatchReversed.class) && keys.contains(e.key()))).hasSize(rounds);
		invoices.forEach((invoiceId) -> assertThat(received(invoiceId)).isEqualByComparingTo("0.00"));
	}

	private BigDecimal received(UUID invoiceId) {
		return this.jdbc.sql("SELECT received FROM invoice WHERE id = ?")
			.param(invoiceId)
			.query(BigDecimal.class)
			.single();
	}

	private static <E extends dev.vestline.events.DomainEvent> E only(List<Published> events, Class<E> type, UUID key) {
		List<E> found = events.stream()
			.filter((e) -> e.is(type) && e.key().equals(key.toString()))
			.map((e) -> e.as(type))
			.toList();
		assertThat(found).as(type.getSimpleName()).hasSize(1);
		return found.get(0);
	}

	private static String ceType(String name) {
		return "dev.vestline.reconciliation." + name + ".v1";
	}

}
