package dev.vestline.billing.fees;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Future;

import dev.vestline.billing.BillingIntegrationTest;
import dev.vestline.events.Money;
import dev.vestline.events.reconciliation.SubscriptionFunded;
import dev.vestline.messaging.cloudevents.EventRecords;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class ManagementFeeAccrualIntegrationTests extends BillingIntegrationTest {

	@Autowired
	ManagementFeeAccrual accrual;

	@Autowired
	MeterRegistry registry;

	@Test
	void accruesOneFeePerSubscriptionAndPeriodWhenTheJobRunsOnTwoThreadsAtOnce() throws Exception {
		List<UUID> vehicles = new ArrayList<>();
		for (int v = 0; v < 12; v++) {
			vehicles.add(fundedVehicle(25));
		}
		for (String period : List.of("2031-Q1", "2031-Q2")) {
			int accrued = 0;
			for (Future<Integer> run : race(2, () -> this.accrual.accrue(period))) {
				accrued += run.get();
			}
			assertThat(accrued).isGreaterThanOrEqualTo(300);
			assertThat(this.jdbc.sql("""
					SELECT count(*), count(DISTINCT subscription_id), sum(amount) FROM fee
					 WHERE vehicle_id IN (:vehicles) AND fee_type = 'MANAGEMENT' AND period = :period
					""")
				.param("vehicles", vehicles)
				.param("period", period)
				.query((rs, n) -> List.of(rs.getLong(1), rs.getLong(2), rs.getBigDecimal(3)))
				.single()).containsExactly(300L, 300L, new BigDecimal("150000.00"));
			assertThat(this.accrual.accrue(period)).as("a second run adds nothing").isZero();
		}
	}

	@Test
	void chargesNoManagementFeeOnASubscriptionInAnotherCurrencyThanItsVehiclesScheduleAndShowsIt() {
		UUID vehicle = fundedVehicle(2);
		UUID dollars = UUID.randomUUID();
		this.jdbc.sql("""
				INSERT INTO funded_subscription (subscription_id, investor_id, vehicle_id, commitment, total_funded,
				                                 currency, first_funded_at, last_funded_at)
				VALUES (?, 'investor-usd', ?, 100000.00, 100000.00, 'USD', now(), now())
				""").params(dollars, vehicle).update();

		this.accrual.accrue("2033-Q1");

		assertThat(this.jdbc.sql("SELECT currency, count(*) FROM fee WHERE vehicle_id = ? GROUP BY currency")
			.param(vehicle)
			.query((rs, n) -> rs.getString(1) + "=" + rs.getLong(2))
			.list()).as("the two EUR subscriptions only").containsExactly("EUR=2");
		assertThat(this.jdbc.sql("SELECT count(*) FROM fee WHERE subscription_id = ?")
			.param(dollars)
			.query(Long.class)
			.single()).isZero();
		assertThat(this.registry.get("vestline.billing.fees.unbillable")
			.tag("reason", "currency_mismatch")
			.gauge()
			.value()).as("left unbilled, in sight").isGreaterThanOrEqualTo(1);
		this.jdbc.sql("DELETE FROM funded_subscription WHERE subscription_id = ?").param(dollars).update();
	}

	@Test
	void accruesOnSubscriptionsFundedThroughReconciliationEvents() throws Exception {
		UUID vehicle = fundedVehicle(0);
		var funded = new SubscriptionFunded(UUID.randomUUID(), "investor-" + UUID.randomUUID(), vehicle,
				UUID.randomUUID(), Money.of("40000.00", "EUR"), Money.of("40000.00", "EUR"),
				Money.of("80000.00", "EUR"), false, false, Instant.now());
		send(EventRecords.record(funded));
		await().atMost(Duration.ofMinutes(2))
			.until(() -> this.jdbc.sql("SELECT count(*) FROM funded_subscription WHERE subscription_id = ?")
				.param(funded.subscriptionId())
				.query(Long.class)
				.single() == 1);

		this.accrual.accrue("2032-Q3");

		assertThat(this.jdbc.sql("SELECT amount FROM fee WHERE subscription_id = ? AND period = '2032-Q3'")
			.param(funded.subscriptionId())
			.query(BigDecimal.class)
			.single()).as("a quarter of 2% of the commitment").isEqualByComparingTo("400.00");
	}

	private UUID fundedVehicle(int subscriptions) {
		UUID vehicle = UUID.randomUUID();
		this.jdbc.sql("""
				INSERT INTO fee_schedule (vehicle_id, currency, subscription_fee_bps, management_fee_bps, updated_by,
				                          updated_at)
				VALUES (?, 'EUR', 100, 200, 'bea', now())
				""").param(vehicle).update();
		this.jdbc.sql("""
				INSERT INTO funded_subscription (subscription_id, investor_id, vehicle_id, commitment, total_funded,
				                                 currency, first_funded_at, last_funded_at)
				SELECT gen_random_uuid(), 'investor-' || n, ?, 100000.00, 100000.00, 'EUR', now(), now()
				  FROM generate_series(1, ?) AS n
				""").params(vehicle, subscriptions).update();
		return vehicle;
	}

}
