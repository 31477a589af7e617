package dev.vestline.billing.fees;

import java.time.Clock;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Accrues the current quarter's management fees on
 * {@code vestline.billing.management-fees.cron} (off unless set); safe on any number of
 * replicas, as the accrual is.
 */
@Component
class QuarterlyManagementFees {

	private final ManagementFeeAccrual accrual;

	private final Clock clock;

	QuarterlyManagementFees(ManagementFeeAccrual accrual, Clock clock) {
		this.accrual = accrual;
		this.clock = clock;
	}

	@Scheduled(cron = "${vestline.billing.management-fees.cron:-}")
	void scheduled() {
		this.accrual.accrue(ManagementFeeAccrual.quarter(this.clock.instant()));
	}

}
