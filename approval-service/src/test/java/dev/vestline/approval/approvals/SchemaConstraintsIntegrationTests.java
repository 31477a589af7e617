package dev.vestline.approval.approvals;

import java.util.UUID;

import dev.vestline.approval.support.Api;
import dev.vestline.approval.support.ApprovalIntegrationTest;
import dev.vestline.approval.support.Scenario;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The invariants stand in the database even against a write that bypasses the service.
 */
@ApprovalIntegrationTest
class SchemaConstraintsIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	Scenario scenario;

	@BeforeEach
	void setUp() {
		this.scenario = new Scenario(new Api(this.port));
	}

	@Test
	void keepsReservedWithinCapacity() {
		UUID deal = this.scenario.deal("1000.00");
		refused("UPDATE deal SET reserved = capacity + 1 WHERE id = :id", deal);
		refused("UPDATE deal SET reserved = -1 WHERE id = :id", deal);
	}

	@Test
	void keepsStatusAndItsFieldsConsistent() {
		UUID deal = this.scenario.deal("1000.00");
		UUID approval = UUID
			.fromString(this.scenario.request(Scenario.subscription(deal, "inv-x", "10.00")).text("id"));
		refused("UPDATE approval SET status = 'GRANTED' WHERE id = :id", approval);
		refused("UPDATE approval SET status = 'REJECTED' WHERE id = :id", approval);
		refused("UPDATE approval SET status = 'EXECUTED' WHERE id = :id", approval);
		refused("UPDATE approval SET reserved_amount = amount WHERE id = :id", approval);
		refused("UPDATE approval SET amount = NULL WHERE id = :id", approval);
		refused("UPDATE approval SET decided_steps = cardinality(steps) WHERE id = :id", approval);
	}

	@Test
	void keepsOneOpenApprovalPerDealInvestorAndKind() {
		UUID deal = this.scenario.deal("1000.00");
		UUID first = UUID.fromString(this.scenario.request(Scenario.interest(deal, "inv-y")).text("id"));
		refused("""
				INSERT INTO approval (id, deal_id, vehicle_id, investor_id, kind, steps, status, requested_by,
				                      requested_at, expires_at)
				SELECT gen_random_uuid(), deal_id, vehicle_id, investor_id, kind, steps, 'PENDING', requested_by,
				       requested_at, expires_at FROM approval WHERE id = :id
				""", first);
	}

	private void refused(String sql, UUID id) {
		assertThatExceptionOfType(DataIntegrityViolationException.class)
			.isThrownBy(() -> this.jdbc.sql(sql).param("id", id).update());
	}

}
