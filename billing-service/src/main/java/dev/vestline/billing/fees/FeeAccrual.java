package dev.vestline.billing.fees;

import java.math.BigDecimal;

import dev.vestline.billing.BillingMetrics;
import dev.vestline.billing.Ids;
import dev.vestline.events.billing.FeeType;
import dev.vestline.events.signature.DocumentKind;
import dev.vestline.events.signature.SigningWorkflowCompleted;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Accrues fees exactly once: the partial unique index {@code fee_one_active} lets one
 * active fee stand per (subscription, type, period), so a redelivered, replayed or
 * re-signed pack adds nothing; {@code FeeAccrued} is appended in the same transaction. A
 * pack signed before its vehicle has a schedule waits in {@code unpriced_subscription}.
 */
@Service
public class FeeAccrual {

	private static final Logger logger = LoggerFactory.getLogger(FeeAccrual.class);

	private final FeeSchedules schedules;

	private final UnpricedSubscriptions unpriced;

	private final FeeRecording recording;

	private final BillingMetrics metrics;

	FeeAccrual(FeeSchedules schedules, UnpricedSubscriptions unpriced, FeeRecording recording, BillingMetrics metrics) {
		this.schedules = schedules;
		this.unpriced = unpriced;
		this.recording = recording;
		this.metrics = metrics;
	}

	/**
	 * Accrues the subscription fee of a signed subscription pack, or parks the
	 * subscription until its vehicle has a fee schedule.
	 * @param signed the completed workflow
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void subscriptionPackSigned(SigningWorkflowCompleted signed) {
		if (signed.documentKind() != DocumentKind.SUBSCRIPTION_PACK || signed.subscriptionId() == null
				|| signed.amount() == null) {
			return; // an NDA carries no fee
		}
		var subscription = new UnpricedSubscriptions.Unpriced(signed.subscriptionId(), signed.investorId(),
				signed.vehicleId(), signed.amount().amount(), signed.amount().currency(), signed.completedAt());
		this.unpriced.lockVehicle(signed.vehicleId());
		var schedule = this.schedules.find(signed.vehicleId());
		if (schedule.isEmpty()) {
			this.unpriced.park(subscription);
			logger.warn("Vehicle {} has no fee schedule yet: subscription {} waits for it", signed.vehicleId(),
					signed.subscriptionId());
			this.metrics.countAfterCommit("vestline.billing.fees.deferred", "reason", "no_schedule");
			return;
		}
		price(schedule.get(), subscription);
	}

	/**
	 * Accrues the fees of the subscriptions that were signed before the vehicle had this
	 * schedule; the caller holds the vehicle's pricing lock.
	 * @param schedule the vehicle's new schedule
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	void priceParked(FeeSchedule schedule) {
		this.unpriced.take(schedule.vehicleId()).forEach((subscription) -> price(schedule, subscription));
	}

	private void price(FeeSchedule schedule, UnpricedSubscriptions.Unpriced subscription) {
		if (!schedule.currency().equals(subscription.currency())) {
			skipped("currency_mismatch", subscription);
			return;
		}
		BigDecimal amount = schedule.subscriptionFee(subscription.commitment());
		if (amount.signum() == 0) {
			skipped("zero_fee", subscription);
			return;
		}
		this.recording.accrue(new Fee(Ids.next(), subscription.subscriptionId(), subscription.investorId(),
				schedule.vehicleId(), FeeType.SUBSCRIPTION, null, amount, schedule.currency(), "ACCRUED", null,
				subscription.signedAt(), null, 0));
	}

	private void skipped(String reason, UnpricedSubscriptions.Unpriced subscription) {
		// not dead-lettered: retrying cannot help; logged and counted for an operator
		logger.warn("No subscription fee accrued for subscription {} of vehicle {}: {}", subscription.subscriptionId(),
				subscription.vehicleId(), reason);
		this.metrics.countAfterCommit("vestline.billing.fees.skipped", "reason", reason);
	}

}
