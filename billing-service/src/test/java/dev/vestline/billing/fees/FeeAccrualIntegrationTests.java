package dev.vestline.billing.fees;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Future;

import dev.vestline.billing.BillingIntegrationTest;
import dev.vestline.events.Money;
import dev.vestline.events.Topics;
import dev.vestline.events.billing.FeeAccrued;
import dev.vestline.events.billing.FeeCancelled;
import dev.vestline.events.signature.DocumentKind;
import dev.vestline.events.signature.SigningWorkflowCompleted;
import dev.vestline.messaging.cloudevents.EventRecords;
import dev.vestline.testharness.TopicReader;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class FeeAccrualIntegrationTests extends BillingIntegrationTest {

	@Autowired
	SignatureEventsListener listener;

	@Test
	void accruesOneFeeWhenTheSameEventArrivesFiveTimesConcurrentlyAndTheTopicIsReplayed() throws Exception {
		UUID vehicle = schedule("200", "500.00");
		SigningWorkflowCompleted signed = signed(vehicle, "100000.00");
		ProducerRecord<String, byte[]> record = EventRecords.record(signed);
		for (Future<Object> sent : race(5, () -> {
			send(record);
			return null;
		})) {
			sent.get();
		}
		await().atMost(Duration.ofMinutes(2)).until(() -> activeFees(signed.subscriptionId()) == 1);

		// replay everything published for this subscription, with its original ids
		try (TopicReader reader = new TopicReader(this.infrastructure.kafka().bootstrapServers(), Topics.SIGNATURE)) {
			var replayed = reader.readUntil(
					(all) -> all.stream().filter((r) -> signed.workflowId().toString().equals(r.key())).count() >= 5,
					Duration.ofMinutes(2));
			for (var old : replayed) {
				send(new ProducerRecord<>(old.topic(), null, old.key(), old.value(), old.headers()));
			}
		}
		SigningWorkflowCompleted later = signed(vehicle, "100.00");
		send(EventRecords.record(later));
		await().atMost(Duration.ofMinutes(2)).until(() -> activeFees(later.subscriptionId()) == 1);

		assertThat(allFees(signed.subscriptionId())).isEqualTo(1);
		assertThat(this.jdbc.sql("SELECT amount FROM fee WHERE subscription_id = ?")
			.param(signed.subscriptionId())
			.query(java.math.BigDecimal.class)
			.single()).isEqualByComparingTo("2000.00");
		assertThat(this.jdbc.sql("SELECT amount FROM fee WHERE subscription_id = ?")
			.param(later.subscriptionId())
			.query(java.math.BigDecimal.class)
			.single()).as("the minimum applies").isEqualByComparingTo("500.00");
		List<FeeAccrued> accrued = published(Topics.BILLING, FeeAccrued.class,
				(e) -> e.subscriptionId().equals(signed.subscriptionId()), 1);
		assertThat(accrued).hasSize(1);
		assertThat(accrued.getFirst().amount()).isEqualTo(Money.of("2000.00", "EUR"));
	}

	@Test
	void accruesOneFeeWhenTwentyDistinctSigningsOfOnePackRace() throws Exception {
		UUID vehicle = schedule("150", null);
		for (int round = 0; round < 3; round++) {
			SigningWorkflowCompleted signed = signed(vehicle, "33333.33");
			for (Future<Object> done : race(20, () -> {
				// a new event id each time: a re-signed pack, not a redelivery
				this.listener.on(consumed(EventRecords.record(signed)));
				return null;
			})) {
				done.get();
			}
			assertThat(allFees(signed.subscriptionId())).isEqualTo(1);
			assertThat(this.jdbc.sql("SELECT amount FROM fee WHERE subscription_id = ?")
				.param(signed.subscriptionId())
				.query(java.math.BigDecimal.class)
				.single()).isEqualByComparingTo("500.00");
		}
	}

	@Test
	void accruesAgainAfterCancelButNotWhileTheFeeIsActive() throws Exception {
		UUID vehicle = schedule("100", null);
		SigningWorkflowCompleted signed = signed(vehicle, "10000.00");
		this.listener.on(consumed(EventRecords.record(signed)));
		this.listener.on(consumed(EventRecords.record(signed))); // re-signed while active
		assertThat(allFees(signed.subscriptionId())).isEqualTo(1);
		UUID fee = this.jdbc.sql("SELECT id FROM fee WHERE subscription_id = ?")
			.param(signed.subscriptionId())
			.query(UUID.class)
			.single();

		var stale = http().post()
			.uri("/api/v1/fees/" + fee + "/cancel")
			.header("If-Match", "\"3\"")
			.body(Map.of("reason", "wrong commitment"))
			.retrieve()
			.toEntity(String.class);
		assertThat(stale.getStatusCode().value()).isEqualTo(412);
		var cancelled = post("/api/v1/fees/" + fee + "/cancel", etag("/api/v1/fees/" + fee),
				Map.of("reason", "wrong commitment"));
		assertThat(cancelled.getStatusCode().value()).isEqualTo(200);
		assertThat(cancelled.getBody().get("status").asString()).isEqualTo("CANCELLED");
		assertThat(post("/api/v1/fees/" + fee + "/cancel", etag("/api/v1/fees/" + fee), Map.of("reason", "again"))
			.getStatusCode()
			.value()).isEqualTo(409);

		this.listener.on(consumed(EventRecords.record(signed))); // signed again after the
																	// cancel
		assertThat(allFees(signed.subscriptionId())).isEqualTo(2);
		assertThat(activeFees(signed.subscriptionId())).isEqualTo(1);
		assertThat(published(Topics.BILLING, FeeCancelled.class, (e) -> e.feeId().equals(fee), 1)).singleElement()
			.satisfies((e) -> assertThat(e.reason()).isEqualTo("wrong commitment"));
		assertThat(published(Topics.BILLING, FeeAccrued.class,
				(e) -> e.subscriptionId().equals(signed.subscriptionId()), 2))
			.hasSize(2);
	}

	@Test
	void listsASubscriptionsFeesInKeysetPages() throws Exception {
		UUID vehicle = schedule("100", null);
		SigningWorkflowCompleted signed = signed(vehicle, "10000.00");
		for (int i = 0; i < 3; i++) {
			this.listener.on(consumed(EventRecords.record(signed)));
			UUID active = this.jdbc.sql("SELECT id FROM fee WHERE subscription_id = ? AND status = 'ACCRUED'")
				.param(signed.subscriptionId())
				.query(UUID.class)
				.single();
			post("/api/v1/fees/" + active + "/cancel", etag("/api/v1/fees/" + active), Map.of("reason", "round " + i));
		}
		var first = get("/api/v1/fees?subscriptionId=" + signed.subscriptionId() + "&limit=2").getBody();
		assertThat(first.get("items")).hasSize(2);
		var second = get("/api/v1/fees?subscriptionId=" + signed.subscriptionId() + "&limit=2&after="
				+ first.get("next").asString())
			.getBody();
		assertThat(second.get("items")).hasSize(1);
		assertThat(second.get("next").isNull() || second.get("next").isMissingNode()).isTrue();
	}

	@Test
	void accruesPacksSignedWhileTheVehicleHadNoScheduleWhenItGetsOne() throws Exception {
		for (int round = 0; round < 3; round++) {
			UUID vehicle = UUID.randomUUID();
			SigningWorkflowCompleted early = signed(vehicle, "10000.00");
			this.listener.on(consumed(EventRecords.record(early)));
			assertThat(allFees(early.subscriptionId())).isZero();
			java.util.concurrent.atomic.AtomicInteger turn = new java.util.concurrent.atomic.AtomicInteger();
			for (Future<Object> done : race(11, () -> {
				if (turn.getAndIncrement() == 0) {
					assertThat(post("/api/v1/fee-schedules", Map.of("vehicleId", vehicle, "currency", "EUR",
							"subscriptionFeeBps", 100, "managementFeeBps", 0))
						.getStatusCode()
						.value()).isEqualTo(201);
				}
				else {
					this.listener.on(consumed(EventRecords.record(signed(vehicle, "10000.00"))));
				}
				return null;
			})) {
				done.get();
			}
			assertThat(this.jdbc.sql("SELECT count(*) FROM fee WHERE vehicle_id = ? AND amount = 100.00")
				.param(vehicle)
				.query(Long.class)
				.single()).as("the early signing and the ten racing the schedule").isEqualTo(11);
			assertThat(this.jdbc.sql("SELECT count(*) FROM unpriced_subscription WHERE vehicle_id = ?")
				.param(vehicle)
				.query(Long.class)
				.single()).isZero();
		}
	}

	@Test
	void cancelsOnceWhenTwentyOperatorsRace() throws Exception {
		UUID vehicle = schedule("100", null);
		for (int round = 0; round < 3; round++) {
			SigningWorkflowCompleted signed = signed(vehicle, "10000.00");
			this.listener.on(consumed(EventRecords.record(signed)));
			UUID fee = this.jdbc.sql("SELECT id FROM fee WHERE subscription_id = ?")
				.param(signed.subscriptionId())
				.query(UUID.class)
				.single();
			String read = etag("/api/v1/fees/" + fee);
			java.util.List<Integer> statuses = new java.util.ArrayList<>();
			for (Future<Integer> done : race(20,
					() -> post("/api/v1/fees/" + fee + "/cancel", read, Map.of("reason", "duplicate subscription"))
						.getStatusCode()
						.value())) {
				statuses.add(done.get());
			}
			assertThat(statuses).as("the losers read a version that is gone").containsOnly(200, 412);
			assertThat(statuses.stream().filter((s) -> s == 200)).hasSize(1);
			assertThat(published(Topics.BILLING, FeeCancelled.class, (e) -> e.feeId().equals(fee), 1)).hasSize(1);
		}
	}

	@Test
	void parksAnUndecodableRecordAndKeepsConsuming() throws Exception {
		UUID vehicle = schedule("100", null);
		SigningWorkflowCompleted poison = signed(vehicle, "10000.00");
		ProducerRecord<String, byte[]> valid = EventRecords.record(poison);
		send(new ProducerRecord<>(valid.topic(), null, valid.key(), "{\"not\":\"a signing\"}".getBytes(),
				valid.headers()));
		SigningWorkflowCompleted next = signed(vehicle, "20000.00");
		send(EventRecords.record(next));

		await().atMost(Duration.ofMinutes(2)).until(() -> activeFees(next.subscriptionId()) == 1);
		try (TopicReader dlt = new TopicReader(this.infrastructure.kafka().bootstrapServers(),
				Topics.deadLetter(Topics.SIGNATURE, "billing"))) {
			assertThat(
					dlt.readUntil((all) -> all.stream().anyMatch((r) -> poison.workflowId().toString().equals(r.key())),
							Duration.ofMinutes(2)))
				.isNotEmpty();
		}
		assertThat(allFees(poison.subscriptionId())).isZero();
	}

	private UUID schedule(String bps, String minimum) {
		UUID vehicle = UUID.randomUUID();
		var body = new java.util.HashMap<String, Object>(Map.of("vehicleId", vehicle, "currency", "EUR",
				"subscriptionFeeBps", Integer.parseInt(bps), "managementFeeBps", 200));
		if (minimum != null) {
			body.put("subscriptionFeeMinimum", minimum);
		}
		assertThat(post("/api/v1/fee-schedules", body).getStatusCode().value()).isEqualTo(201);
		return vehicle;
	}

	static SigningWorkflowCompleted signed(UUID vehicle, String amount) {
		return new SigningWorkflowCompleted(UUID.randomUUID(), UUID.randomUUID(), DocumentKind.SUBSCRIPTION_PACK,
				UUID.randomUUID(), vehicle, "investor-" + UUID.randomUUID(), UUID.randomUUID(), Money.of(amount, "EUR"),
				2, "ab".repeat(32), Instant.now());
	}

	private long activeFees(UUID subscription) {
		return this.jdbc.sql("SELECT count(*) FROM fee WHERE subscription_id = ? AND status <> 'CANCELLED'")
			.param(subscription)
			.query(Long.class)
			.single();
	}

	private long allFees(UUID subscription) {
		return this.jdbc.sql("SELECT count(*) FROM fee WHERE subscription_id = ?")
			.param(subscription)
			.query(Long.class)
			.single();
	}

}
