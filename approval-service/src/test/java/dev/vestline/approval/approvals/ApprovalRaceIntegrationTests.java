package dev.vestline.approval.approvals;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.vestline.approval.support.Api;
import dev.vestline.approval.support.ApprovalApiTest;
import dev.vestline.testharness.Race;
import dev.vestline.approval.support.Scenario;
import dev.vestline.events.DomainEvent;
import dev.vestline.events.approval.ApprovalGranted;
import dev.vestline.events.approval.ApprovalRejected;
import dev.vestline.events.approval.ApprovalStepApproved;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ApprovalRaceIntegrationTests extends ApprovalApiTest {

	static final int ROUNDS = 3;

	@Test
	void decidesOnceWhenFiftyDecidersRaceHalfApprovingHalfRejecting() {
		for (int round = 0; round < ROUNDS; round++) {
			UUID deal = this.scenario.deal("1000000.00");
			Api.Response requested = this.scenario.request(Scenario.subscription(deal, "racer-" + round, "100.00"));
			String id = requested.text("id");
			int r = round;
			List<Api.Response> answers = Race.run(50, (i) -> this.scenario.decide(id, "decider-" + r + "-" + i,
					"compliance", requested.etag(), (i % 2 == 0) ? "APPROVE" : "REJECT", "not this one"));

			assertThat(answers).filteredOn((a) -> a.status() == 200).hasSize(1);
			assertThat(answers).filteredOn((a) -> a.status() != 200)
				.allSatisfy((a) -> assertThat(a.status()).as(a.toString()).isIn(409, 412));
			List<DomainEvent> events = this.published.of(UUID.fromString(id));
			assertThat(events).filteredOn((e) -> e instanceof ApprovalStepApproved || e instanceof ApprovalRejected)
				.hasSize(1);
			assertThat(this.jdbc
				.sql("SELECT count(*) FROM approval_audit WHERE approval_id = :id AND action = 'DECISION_REFUSED'")
				.param("id", UUID.fromString(id))
				.query(Long.class)
				.single()).isEqualTo(49);
		}
	}

	@Test
	void oneApprovalPerSubscriptionIdWhenTwentyRequestsRaceForIt() {
		for (int round = 0; round < ROUNDS; round++) {
			UUID deal = this.scenario.deal("1000000.00");
			UUID subscription = UUID.randomUUID();
			int r = round;
			List<Api.Response> answers = Race.run(20, (i) -> {
				Map<String, Object> body = new java.util.LinkedHashMap<>(
						Scenario.subscription(deal, "same-sub-" + r + "-" + i, "100.00"));
				body.put("subscriptionId", subscription.toString());
				return this.api.post("/api/v1/approvals", Scenario.OPERATIONS, body);
			});

			assertThat(answers).filteredOn((a) -> a.status() == 201).hasSize(1);
			assertThat(answers).filteredOn((a) -> a.status() != 201).hasSize(19).allSatisfy((a) -> {
				assertThat(a.status()).as(a.toString()).isEqualTo(409);
				assertThat(a.text("type")).endsWith("/subscription-id-taken");
			});
			assertThat(this.jdbc.sql("SELECT count(*) FROM approval WHERE subscription_id = :id")
				.param("id", subscription)
				.query(Long.class)
				.single()).isOne();
		}
	}

	@Test
	void neverOversubscribesWhenTwentySubscriptionsWorthTwiceTheCapacityAreGrantedAtOnce() {
		for (int round = 0; round < ROUNDS; round++) {
			UUID deal = this.scenario.deal("1000.00");
			List<Api.Response> waiting = new ArrayList<>();
			List<BigDecimal> amounts = new ArrayList<>();
			for (int i = 0; i < 20; i++) {
				String amount = (i % 2 == 0) ? "50.00" : "150.00"; // 20 of them: 2000.00
				amounts.add(new BigDecimal(amount));
				waiting.add(this.scenario.subscriptionAwaitingLastStep(deal, "sub-" + round + "-" + i, amount));
			}
			List<Api.Response> answers = Race.run(20, (i) -> this.scenario.decide(waiting.get(i).text("id"), "ops-" + i,
					"operations", waiting.get(i).etag(), "APPROVE", null));

			BigDecimal granted = BigDecimal.ZERO;
			BigDecimal smallestRefused = null;
			for (int i = 0; i < 20; i++) {
				Api.Response answer = answers.get(i);
				if (answer.status() == 200) {
					granted = granted.add(amounts.get(i));
				}
				else {
					assertThat(answer.status()).as(answer.toString()).isEqualTo(409);
					assertThat(answer.text("type")).endsWith("/over-capacity");
					smallestRefused = (smallestRefused == null) ? amounts.get(i) : smallestRefused.min(amounts.get(i));
				}
			}
			BigDecimal capacity = new BigDecimal("1000.00");
			assertThat(granted).isLessThanOrEqualTo(capacity);
			assertThat(new BigDecimal(this.scenario.reserved(deal))).isEqualByComparingTo(granted);
			// every refused subscription really did not fit in what was left
			assertThat(smallestRefused).isNotNull().isGreaterThan(capacity.subtract(granted));
			long grantedEvents = waiting.stream()
				.map((w) -> this.published.of(UUID.fromString(w.text("id")), ApprovalGranted.class).size())
				.mapToLong(Integer::longValue)
				.sum();
			assertThat(grantedEvents).isEqualTo(answers.stream().filter((a) -> a.status() == 200).count());
			assertThat(this.jdbc.sql("SELECT count(*) FROM approval WHERE deal_id = :deal AND status = 'PENDING'")
				.param("deal", deal)
				.query(Long.class)
				.single()).isEqualTo(answers.stream().filter((a) -> a.status() == 409).count());
		}
	}

	@Test
	void opensOneApprovalWhenTwentyRequestsForTheSameInvestorRace() {
		for (int round = 0; round < ROUNDS; round++) {
			UUID deal = this.scenario.deal("1000.00");
			Map<String, Object> body = Scenario.interest(deal, "eager-" + round);
			List<Api.Response> answers = Race.run(20, (i) -> this.api.post("/api/v1/approvals", Scenario.OPERATIONS,
					body, Map.of("Idempotency-Key", "attempt-" + deal + "-" + i)));

			List<Api.Response> created = answers.stream().filter((a) -> a.status() == 201).toList();
			assertThat(created).hasSize(1);
			assertThat(answers).filteredOn((a) -> a.status() != 201).hasSize(19).allSatisfy((a) -> {
				assertThat(a.status()).isEqualTo(409);
				assertThat(a.text("existingApprovalId")).isEqualTo(created.get(0).text("id"));
			});
			assertThat(countApprovals(deal)).isOne();
		}
	}

	@Test
	void answersEveryConcurrentRetryOfOneIdempotencyKeyWithTheFirstResponse() {
		for (int round = 0; round < ROUNDS; round++) {
			UUID deal = this.scenario.deal("1000.00");
			Map<String, Object> body = Scenario.subscription(deal, "retrier-" + round, "100.00");
			Map<String, String> key = Map.of("Idempotency-Key", UUID.randomUUID().toString());
			List<Api.Response> answers = Race.run(20,
					(i) -> this.api.post("/api/v1/approvals", Scenario.OPERATIONS, body, key));

			assertThat(answers).allSatisfy((a) -> assertThat(a.status()).as(a.toString()).isEqualTo(201));
			assertThat(answers.stream().map(Api.Response::body).distinct()).hasSize(1);
			assertThat(countApprovals(deal)).isOne();
		}
	}

	@Test
	void keepsCapacityEqualToWhatIsGrantedWhenCancellationsRaceGrants() {
		UUID deal = this.scenario.deal("1000.00");
		List<Api.Response> waiting = new ArrayList<>();
		for (int i = 0; i < 10; i++) {
			waiting.add(this.scenario.subscriptionAwaitingLastStep(deal, "wavering-" + i, "100.00"));
		}
		// for each approval, its last step and the investor's withdrawal start at the
		// same moment
		List<Api.Response> answers = Race.run(20, (i) -> {
			Api.Response approval = waiting.get(i / 2);
			return (i % 2 == 0)
					? this.scenario.decide(approval.text("id"), "ops-" + i, "operations", approval.etag(), "APPROVE",
							null)
					: this.api.post("/api/v1/approvals/" + approval.text("id") + "/cancel",
							Api.token("wavering-" + (i / 2), "investor"), Map.of("reason", "changed my mind"),
							approval.ifMatch());
		});

		long stillGranted = 0;
		for (int a = 0; a < 10; a++) {
			Api.Response grant = answers.get(2 * a);
			Api.Response cancel = answers.get(2 * a + 1);
			String status = this.api.get("/api/v1/approvals/" + waiting.get(a).text("id"), Scenario.OPERATIONS)
				.text("status");
			assertThat(List.of(grant.status(), cancel.status())).as(grant + " / " + cancel).containsOnlyOnce(200);
			assertThat(status).isEqualTo((grant.status() == 200) ? "GRANTED" : "CANCELLED");
			stillGranted += status.equals("GRANTED") ? 1 : 0;
		}
		assertThat(new BigDecimal(this.scenario.reserved(deal)))
			.isEqualByComparingTo(new BigDecimal(100 * stillGranted));
	}

	private long countApprovals(UUID deal) {
		return this.jdbc.sql("SELECT count(*) FROM approval WHERE deal_id = :deal")
			.param("deal", deal)
			.query(Long.class)
			.single();
	}

	@Test
	void answersConflictsWithTheCurrentState() {
		UUID deal = this.scenario.deal("1000.00");
		Api.Response requested = this.scenario.request(Scenario.interest(deal, "stater"));
		this.scenario.approve(requested, "ann", "approver");
		Api.Response late = this.api.post("/api/v1/approvals/" + requested.text("id") + "/decisions",
				Api.token("ben", "approver"), Map.of("decision", "APPROVE"), Map.of("If-Match", "\"1\""));
		assertThat(late.status()).isEqualTo(409);
		assertThat(late.text("status")).isEqualTo("GRANTED");
	}

}
