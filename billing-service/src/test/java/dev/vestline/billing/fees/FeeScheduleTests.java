package dev.vestline.billing.fees;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FeeScheduleTests {

	@Test
	void roundsTheSubscriptionFeeHalfEvenToMinorUnits() {
		assertThat(schedule("EUR", 125, null).subscriptionFee(new BigDecimal("33333.33"))).isEqualTo("416.67");
		assertThat(schedule("EUR", 125, null).subscriptionFee(new BigDecimal("10.00"))).as("0.125 -> 0.12")
			.isEqualTo("0.12");
		assertThat(schedule("EUR", 375, null).subscriptionFee(new BigDecimal("10.00"))).as("0.375 -> 0.38")
			.isEqualTo("0.38");
		assertThat(schedule("JPY", 150, null).subscriptionFee(new BigDecimal("1000001"))).isEqualTo("15000");
	}

	@Test
	void neverChargesLessThanTheMinimum() {
		assertThat(schedule("EUR", 100, new BigDecimal("500")).subscriptionFee(new BigDecimal("1000.00")))
			.isEqualTo("500.00");
		assertThat(schedule("EUR", 100, new BigDecimal("500")).subscriptionFee(new BigDecimal("100000.00")))
			.isEqualTo("1000.00");
	}

	@Test
	void accruesAQuarterOfTheAnnualManagementFee() {
		assertThat(schedule("EUR", 0, null).quarterlyManagementFee(new BigDecimal("100000.00"))).isEqualTo("500.00");
		assertThat(schedule("EUR", 0, null).quarterlyManagementFee(new BigDecimal("33333.33"))).isEqualTo("166.67");
	}

	@Test
	void namesTheQuarterOfAnInstantInUtc() {
		assertThat(ManagementFeeAccrual.quarter(Instant.parse("2026-12-31T23:59:59Z"))).isEqualTo("2026-Q4");
		assertThat(ManagementFeeAccrual.quarter(Instant.parse("2027-01-01T00:00:00Z"))).isEqualTo("2027-Q1");
		assertThat(ManagementFeeAccrual.quarter(Instant.parse("2026-04-01T00:00:00Z"))).isEqualTo("2026-Q2");
	}

	private static FeeSchedule schedule(String currency, int subscriptionBps, BigDecimal minimum) {
		return new FeeSchedule(UUID.randomUUID(), currency, subscriptionBps, minimum, 200, 0, "bea", Instant.now());
	}

}
