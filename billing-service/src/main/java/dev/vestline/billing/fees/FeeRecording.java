package dev.vestline.billing.fees;

import dev.vestline.billing.BillingMetrics;
import dev.vestline.billing.money.MinorUnits;
import dev.vestline.events.billing.FeeAccrued;
import dev.vestline.messaging.outbox.Outbox;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records one accrued fee, once: the partial unique index {@code fee_one_active} refuses
 * a second active fee of its kind; {@code FeeAccrued} is appended in the same
 * transaction.
 */
@Component
class FeeRecording {

	private final Fees fees;

	private final Outbox outbox;

	private final BillingMetrics metrics;

	FeeRecording(Fees fees, Outbox outbox, BillingMetrics metrics) {
		this.fees = fees;
		this.outbox = outbox;
		this.metrics = metrics;
	}

	/**
	 * @param fee a fee to accrue
	 * @return whether it was accrued (false: an active fee of its kind already stands)
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	boolean accrue(Fee fee) {
		if (!this.fees.accrue(fee)) {
			this.metrics.countAfterCommit("vestline.billing.duplicates.suppressed", "kind", "fee");
			return false;
		}
		this.outbox.append(new FeeAccrued(fee.id(), fee.subscriptionId(), fee.investorId(), fee.vehicleId(),
				fee.feeType(), fee.period(), MinorUnits.money(fee.amount(), fee.currency()), fee.accruedAt()));
		this.metrics.countAfterCommit("vestline.billing.fees.accrued", "type", fee.feeType().name());
		return true;
	}

}
