package dev.vestline.reconciliation.invariants;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import dev.vestline.events.Money;
import dev.vestline.events.billing.FeeType;
import dev.vestline.events.billing.InvoiceIssued;
import dev.vestline.events.billing.InvoiceLine;

import dev.vestline.reconciliation.Api;
import dev.vestline.reconciliation.Scenario;
import dev.vestline.reconciliation.ServiceIntegrationTest;
import dev.vestline.reconciliation.matching.AutoMatching;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class InvariantCheckIntegrationTests extends ServiceIntegrationTest {

	@Autowired
	InvariantCheck invariants;

	@Autowired
	AutoMatching autoMatching;

	@Test
	void reportsAPositionThatNoLongerAddsUpToItsMovementsAsAMetric() {
		String investor = Scenario.unique("drift");
		UUID vehicle = Scenario.newId();
		this.scenario.expectSubscription(investor, vehicle, "70.00");
		this.scenario.accept(this.scenario.suggestionFor(this.scenario.credit(investor, "70.00", investor)), 0,
				Scenario.OPERATOR);
		this.invariants.check();
		assertThat(this.invariants.lastViolations()).containsEntry("position_units", 0L);

		// a manual fix in the database that bypassed the movements
		this.jdbc.sql("UPDATE position SET units = units + 1 WHERE investor_id = ?").param(investor).update();
		try {
			this.invariants.check();

			assertThat(this.invariants.lastViolations()).containsEntry("position_units", 1L);
			assertThat(this.api.get("/actuator/prometheus", null).body())
				.contains("vestline_reconciliation_invariant_violations{invariant=\"position_units\"} 1.0");
		}
		finally {
			this.jdbc.sql("UPDATE position SET units = units - 1 WHERE investor_id = ?").param(investor).update();
			this.invariants.check();
		}
		assertThat(this.invariants.lastViolations()).containsEntry("position_units", 0L);
	}

	@Test
	void reportsACreditThatExactlyOneExpectationFitsButHasNoSuggestion() {
		String investor = Scenario.unique("missed");
		String reference = "RF" + Math.abs(Scenario.newId().getLeastSignificantBits());
		this.scenario.expectInvoice(investor, "42.00", reference);
		UUID line = this.scenario.credit(investor, "42.00", "Fee " + reference);
		this.scenario.suggestionFor(line);
		this.invariants.check();
		assertThat(this.invariants.lastViolations()).containsEntry("line_unsuggested", 0L);

		// what the race of defect 7 left behind: both rows committed, no suggestion
		this.jdbc.sql("DELETE FROM bank_match WHERE bank_transaction_id = ?").param(line).update();
		try {
			this.invariants.check();

			assertThat(this.invariants.lastViolations()).containsEntry("line_unsuggested", 1L);
		}
		finally {
			this.autoMatching.suggestFor(line);
			this.invariants.check();
		}
		assertThat(this.invariants.lastViolations()).containsEntry("line_unsuggested", 0L);
	}

	@Test
	void reportsAnInvoiceInAnotherCurrencyThanTheSubscriptionsOfItsVehicle() {
		String investor = Scenario.unique("mixed");
		UUID vehicle = Scenario.newId();
		this.scenario.expectSubscription(investor, vehicle, "1000.00");
		UUID invoice = Scenario.newId();
		InvoiceIssued eur = Scenario.invoiceIssued(invoice, investor, "10.00", "RF" + invoice.getMostSignificantBits());
		// what defect 3 produced: a fee computed on a USD subscription, booked in EUR
		Money usd = Money.of("10.00", "USD");
		publish(new InvoiceIssued(invoice, eur.invoiceNumber(), investor, vehicle, usd, eur.paymentReference(),
				eur.dueDate(),
				List.of(new InvoiceLine(Scenario.newId(), Scenario.newId(), FeeType.SUBSCRIPTION, null, usd)),
				eur.issuedAt()), Scenario.newId());
		await().atMost(Duration.ofSeconds(60))
			.until(() -> this.jdbc.sql("SELECT count(*) FROM invoice WHERE id = ?")
				.param(invoice)
				.query(Long.class)
				.single() == 1);
		try {
			this.invariants.check();

			assertThat(this.invariants.lastViolations()).containsEntry("invoice_currency", 1L);
		}
		finally {
			this.jdbc.sql("UPDATE invoice SET voided_at = now(), void_reason = 'test' WHERE id = ?")
				.param(invoice)
				.update();
			this.invariants.check();
		}
		assertThat(this.invariants.lastViolations()).containsEntry("invoice_currency", 0L);
	}

	@Test
	void operatorsRunTheCheckOnDemand() {
		Api.Response checked = this.api.postJson("/api/v1/invariant-checks", Scenario.OPERATOR, "");
		Api.Response investor = this.api.postJson("/api/v1/invariant-checks", Api.token("ivy", "investor"), "");

		assertThat(checked.status()).as(checked.toString()).isEqualTo(200);
		assertThat(checked.json().get("holds").asBoolean()).isTrue();
		assertThat(checked.json().get("violations").get("invoice_received").asLong()).isZero();
		assertThat(checked.json().get("violations").properties()).hasSize(6);
		assertThat(investor.status()).isEqualTo(403);
		assertThat(this.invariants.lastViolations()).containsEntry("subscription_funded", 0L);
	}

}
