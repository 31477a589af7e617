package dev.vestline.approval.approvals;

import java.util.UUID;

import dev.vestline.approval.support.Api;
import dev.vestline.approval.support.ApprovalApiTest;
import dev.vestline.approval.support.Scenario;
import org.junit.jupiter.api.Test;

import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A change whose event would be larger than an event may be is refused with a 422 problem
 * and rolled back whole: no approval row, no outbox row. The limit is lowered here so far
 * that every approval's event is too large; in production each field's own limit keeps
 * events far below it, and this is the bound behind them.
 */
@TestPropertySource(properties = "vestline.messaging.outbox.max-event-size=300B")
class EventTooLargeIntegrationTests extends ApprovalApiTest {

	@Test
	void refusesAChangeWhoseEventIsTooLargeWithAProblemAndWritesNothing() {
		UUID deal = this.scenario.deal("1000.00");
		long outboxBefore = count("SELECT count(*) FROM outbox_event");

		Api.Response refused = this.api.post("/api/v1/approvals", Scenario.OPERATIONS,
				Scenario.interest(deal, "inv-too-large"));

		assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
		assertThat(refused.contentType()).startsWith("application/problem+json");
		assertThat(refused.text("type")).endsWith("/event-too-large");
		assertThat(count("SELECT count(*) FROM approval WHERE deal_id = '" + deal + "'")).isZero();
		assertThat(count("SELECT count(*) FROM outbox_event")).isEqualTo(outboxBefore);
	}

	private long count(String sql) {
		return this.jdbc.sql(sql).query(Long.class).single();
	}

}
