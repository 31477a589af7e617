package dev.vestline.approval.expiry;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import dev.vestline.approval.support.Api;
import dev.vestline.approval.support.ApprovalApiTest;
import dev.vestline.testharness.Race;
import dev.vestline.approval.support.Scenario;
import dev.vestline.events.DomainEvent;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class ExpiryRaceIntegrationTests extends ApprovalApiTest {

	static final Logger LOG = LoggerFactory.getLogger(ExpiryRaceIntegrationTests.class);

	@Autowired
	ApprovalExpiry expiry;

	@Test
	void refusesToDecideAnApprovalPastItsDeadlineEvenBeforeTheJobRan() {
		UUID deal = this.scenario.deal("1000.00");
		Api.Response requested = this.scenario.request(Scenario.interest(deal, "tardy"));
		makeOverdue(deal, "0 seconds");
		Api.Response late = this.scenario.decide(requested.text("id"), "amy", "approver", requested.etag(), "APPROVE",
				null);
		assertThat(late.status()).isEqualTo(409);
		assertThat(late.text("type")).endsWith("/approval-expired");
	}

	@Test
	void expiresEachOverdueApprovalOnceWhileThreeReplicasRunTheJob() {
		UUID deal = this.scenario.deal("1000.00");
		List<UUID> approvals = new ArrayList<>();
		for (int i = 0; i < 30; i++) {
			approvals.add(UUID.fromString(this.scenario.request(Scenario.interest(deal, "late-" + i)).text("id")));
		}
		makeOverdue(deal, "0 seconds");

		List<Integer> expiredByReplica = Race.run(3, (i) -> this.expiry.expireOverdue());

		// the replicas may also expire other tests' overdue approvals (the job is
		// global), so
		// count what happened to this deal's: each expired once, by exactly one of them
		assertThat(expiredByReplica.stream().mapToInt(Integer::intValue).sum()).isGreaterThanOrEqualTo(30);
		assertThat(this.jdbc.sql("""
				SELECT count(*) FROM approval_audit u JOIN approval a ON a.id = u.approval_id
				 WHERE a.deal_id = :deal AND u.action = 'EXPIRED'
				""").param("deal", deal).query(Long.class).single()).isEqualTo(30);
		for (UUID approval : approvals) {
			assertThat(names(this.published.of(approval))).containsExactly("ApprovalRequested", "ApprovalExpired");
		}
	}

	@Test
	void givesEachApprovalOneOutcomeWhenExpiryRacesItsDecision() {
		for (int round = 0; round < 2; round++) {
			UUID deal = this.scenario.deal("1000.00");
			List<Api.Response> requested = new ArrayList<>();
			for (int i = 0; i < 20; i++) {
				requested.add(this.scenario.request(Scenario.interest(deal, "edge-" + round + "-" + i)));
			}
			// Two expiry replicas whose clock runs an hour ahead race the deciders, for
			// whom
			// the approvals are not overdue yet: only the database guards pick the
			// outcome.
			makeOverdue(deal, "-1 minute");
			Instant skewed = Instant.now().plus(Duration.ofHours(1));
			int r = round;
			List<Object> outcomes = Race.run(22,
					(i) -> (i < 20)
							? this.scenario.decide(requested.get(i).text("id"), "appr-" + r + "-" + i, "approver",
									requested.get(i).etag(), "APPROVE", null)
							: expireOnceDecisionsLanded(deal, skewed));

			long won = outcomes.stream().limit(20).filter((o) -> ((Api.Response) o).status() == 200).count();
			LOG.info("Expiry race round {}: {} decided, {} expired", round, won, 20 - won);
			for (int i = 0; i < 20; i++) {
				Api.Response decision = (Api.Response) outcomes.get(i);
				UUID id = UUID.fromString(requested.get(i).text("id"));
				String status = this.jdbc.sql("SELECT status FROM approval WHERE id = :id")
					.param("id", id)
					.query(String.class)
					.single();
				List<String> events = names(this.published.of(id));
				if (decision.status() == 200) {
					assertThat(status).isEqualTo("GRANTED");
					assertThat(events).containsExactly("ApprovalRequested", "ApprovalStepApproved", "ApprovalGranted");
				}
				else {
					// 409 when the decision saw the deadline passed, 412 when the expiry
					// committed first
					assertThat(decision.status()).as(decision.toString()).isIn(409, 412);
					assertThat(status).isEqualTo("EXPIRED");
					assertThat(events).containsExactly("ApprovalRequested", "ApprovalExpired");
				}
			}
		}
	}

	private int expireOnceDecisionsLanded(UUID deal, Instant skewed) {
		// start while most decisions are still in flight, not before the first arrived
		await().pollInterval(Duration.ofMillis(1))
			.atMost(Duration.ofMinutes(2))
			.until(() -> this.jdbc.sql("SELECT count(*) FROM approval WHERE deal_id = :deal AND status = 'GRANTED'")
				.param("deal", deal)
				.query(Long.class)
				.single() >= 2);
		return this.expiry.expireOverdue(skewed);
	}

	private void makeOverdue(UUID deal, String offset) {
		this.jdbc.sql("""
				UPDATE approval SET requested_at = requested_at - interval '1 hour',
				                    expires_at = clock_timestamp() - CAST(:offset AS interval)
				 WHERE deal_id = :deal
				""").param("offset", offset).param("deal", deal).update();
	}

	private static List<String> names(List<DomainEvent> events) {
		return events.stream().map((e) -> e.getClass().getSimpleName()).toList();
	}

}
