package dev.vestline.reconciliation.invariants;

import java.util.UUID;

import dev.vestline.reconciliation.Api;
import dev.vestline.reconciliation.Scenario;
import dev.vestline.reconciliation.ServiceIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

class InvariantCheckIntegrationTests extends ServiceIntegrationTest {

	@Autowired
	InvariantCheck invariants;

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
	void operatorsRunTheCheckOnDemand() {
		Api.Response checked = this.api.postJson("/api/v1/invariant-checks", Scenario.OPERATOR, "");
		Api.Response investor = this.api.postJson("/api/v1/invariant-checks", Api.token("ivy", "investor"), "");

		assertThat(checked.status()).as(checked.toString()).isEqualTo(200);
		assertThat(checked.json().get("holds").asBoolean()).isTrue();
		assertThat(checked.json().get("violations").get("invoice_received").asLong()).isZero();
		assertThat(checked.json().get("violations").properties()).hasSize(3);
		assertThat(investor.status()).isEqualTo(403);
		assertThat(this.invariants.lastViolations()).containsEntry("subscription_funded", 0L);
	}

}
