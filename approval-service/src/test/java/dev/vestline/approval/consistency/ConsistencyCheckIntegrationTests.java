package dev.vestline.approval.consistency;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

import dev.vestline.approval.support.Api;
import dev.vestline.approval.support.ApprovalApiTest;
import org.junit.jupiter.api.Test;

import static dev.vestline.approval.support.Scenario.OPERATIONS;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The invariants stand guard: the state the race of a cancellation and a signing
 * completion used to leave behind (capacity released, signing completed) and a deal whose
 * reserved drifted from its approvals are both counted, on demand and on Prometheus.
 */
class ConsistencyCheckIntegrationTests extends ApprovalApiTest {

	@Test
	void countsACompletedSigningWhoseApprovalWasCancelledAndItsCapacityReleased() {
		UUID deal = this.scenario.deal("1000.00");
		UUID approval = UUID.fromString(this.scenario.grantedSubscription(deal, "inv-c1", "100.00").text("id"));
		assertThat(check().path("violations").path("completed_signing_is_executed").asLong()).isZero();
		// what the old cancellation did: released at once, then ignored the completion
		this.jdbc.sql("""
				UPDATE approval SET status = 'CANCELLED', reserved_amount = NULL, ended_by = 'inv-c1',
				       ended_at = now(), end_reason = 'changed my mind' WHERE id = :id
				""").param("id", approval).update();
		this.jdbc.sql("UPDATE deal SET reserved = reserved - 100 WHERE id = :id").param("id", deal).update();
		UUID workflow = UUID.randomUUID();
		this.jdbc.sql("""
				INSERT INTO workflow_outcome (workflow_id, approval_id, outcome, applied, received_at)
				VALUES (:workflow, :approval, 'COMPLETED', false, :now)
				""")
			.param("workflow", workflow)
			.param("approval", approval)
			.param("now", Timestamp.from(Instant.now()))
			.update();
		try {
			Api.Response result = this.api.post("/api/v1/consistency-checks", OPERATIONS, null);
			assertThat(result.json().path("consistent").asBoolean()).isFalse();
			assertThat(result.json().path("violations").path("completed_signing_is_executed").asLong()).isOne();
			assertThat(this.api.get("/actuator/prometheus", null).body())
				.contains("vestline_approval_consistency_violations{invariant=\"completed_signing_is_executed\"} 1.0");
		}
		finally {
			this.jdbc.sql("DELETE FROM workflow_outcome WHERE workflow_id = :id").param("id", workflow).update();
		}
		assertThat(check().path("consistent").asBoolean()).isTrue();
	}

	@Test
	void countsADealWhoseReservedDriftedFromItsApprovals() {
		UUID deal = this.scenario.deal("1000.00");
		this.scenario.grantedSubscription(deal, "inv-c2", "100.00");
		assertThat(check().path("violations").path("deal_reserved_equals_reservations").asLong()).isZero();
		this.jdbc.sql("UPDATE deal SET reserved = reserved - 100 WHERE id = :id").param("id", deal).update();
		try {
			assertThat(check().path("violations").path("deal_reserved_equals_reservations").asLong()).isOne();
		}
		finally {
			this.jdbc.sql("UPDATE deal SET reserved = reserved + 100 WHERE id = :id").param("id", deal).update();
		}
		assertThat(check().path("consistent").asBoolean()).isTrue();
	}

	@Test
	void letsOnlyOperationsRunTheCheck() {
		assertThat(this.api.post("/api/v1/consistency-checks", Api.token("inv-c3", "investor"), null).status())
			.isEqualTo(403);
	}

	private tools.jackson.databind.JsonNode check() {
		Api.Response result = this.api.post("/api/v1/consistency-checks", OPERATIONS, null);
		assertThat(result.status()).as(result.toString()).isEqualTo(200);
		return result.json();
	}

}
