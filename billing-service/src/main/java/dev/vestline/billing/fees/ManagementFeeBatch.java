package dev.vestline.billing.fees;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.vestline.billing.Ids;
import dev.vestline.events.billing.FeeType;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * One transaction of the management-fee job: claim a batch of one vehicle's due
 * subscriptions and accrue their fees (with their {@code FeeAccrued} events).
 */
@Service
class ManagementFeeBatch {

	private final ManagementFeeQueries queries;

	private final FeeSchedules schedules;

	private final FeeRecording accrual;

	private final Clock clock;

	ManagementFeeBatch(ManagementFeeQueries queries, FeeSchedules schedules, FeeRecording accrual, Clock clock) {
		this.queries = queries;
		this.schedules = schedules;
		this.accrual = accrual;
		this.clock = clock;
	}

	@Transactional
	Outcome accrue(UUID vehicle, String period, UUID after, int limit) {
		FeeSchedule schedule = this.schedules.find(vehicle).orElse(null);
		List<ManagementFeeQueries.Due> due = (schedule != null)
				? this.queries.claim(vehicle, schedule.currency(), period, after, limit) : List.of();
		Instant now = this.clock.instant();
		int accrued = 0;
		for (ManagementFeeQueries.Due subscription : due) {
			var amount = schedule.quarterlyManagementFee(subscription.commitment());
			if (amount.signum() > 0 && this.accrual
				.accrue(new Fee(Ids.next(), subscription.subscriptionId(), subscription.investorId(), vehicle,
						FeeType.MANAGEMENT, period, amount, schedule.currency(), "ACCRUED", null, now, null, 0))) {
				accrued++;
			}
		}
		return new Outcome(accrued, due.isEmpty() ? null : due.getLast().subscriptionId());
	}

	/**
	 * @param accrued fees accrued by the batch
	 * @param last the last subscription claimed; {@code null} when nothing was left
	 */
	record Outcome(int accrued, @Nullable UUID last) {
	}

}
