package dev.vestline.billing.fees;

import dev.vestline.support.domain.Conflict;
import dev.vestline.support.domain.NotFound;
import dev.vestline.support.domain.StaleVersion;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates and changes fee schedules. Creating one also accrues the fees of subscriptions
 * signed while the vehicle had none, in the same transaction and under the vehicle's
 * pricing lock.
 */
@Service
@Transactional
class FeeScheduling {

	private final FeeSchedules schedules;

	private final UnpricedSubscriptions unpriced;

	private final FeeAccrual accrual;

	FeeScheduling(FeeSchedules schedules, UnpricedSubscriptions unpriced, FeeAccrual accrual) {
		this.schedules = schedules;
		this.unpriced = unpriced;
		this.accrual = accrual;
	}

	FeeSchedule create(FeeSchedule schedule) {
		this.unpriced.lockVehicle(schedule.vehicleId());
		if (!this.schedules.insert(schedule)) {
			throw new Conflict("Vehicle " + schedule.vehicleId() + " already has a fee schedule; change it with PUT");
		}
		FeeSchedule created = this.schedules.find(schedule.vehicleId()).orElseThrow();
		this.accrual.priceParked(created);
		return created;
	}

	FeeSchedule replace(FeeSchedule schedule, long expectedVersion) {
		FeeSchedule current = this.schedules.find(schedule.vehicleId())
			.orElseThrow(() -> new NotFound("Fee schedule of " + schedule.vehicleId()));
		if (!this.schedules.update(schedule, expectedVersion)) {
			throw StaleVersion.of(this.schedules.find(current.vehicleId()).orElseThrow().version());
		}
		return this.schedules.find(schedule.vehicleId()).orElseThrow();
	}

}
