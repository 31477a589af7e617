package dev.vestline.billing.fees;

import java.math.BigDecimal;

import dev.vestline.billing.BillingMetrics;
import dev.vestline.billing.money.MinorUnits;
import dev.vestline.events.billing.FeeAccrued;
import dev.vestline.events.billing.FeeType;
import dev.vestline.events.signature.DocumentKind;
import dev.vestline.events.signature.SigningWorkflowCompleted;
import dev.vestline.messaging.outbox.Outbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Accrues fees exactly once: the partial unique index {@code fee_one_active} lets one
 * active fee stand per (subscription, type, period), so a redelivered, replayed or
 * re-signed pack adds nothing; {@code FeeAccrued} is appended in the same transaction.
 */
@Service
public class FeeAccrual {

	private static final Logger logger = LoggerFactory.getLogger(FeeAccrual.class);

	private final FeeSchedules schedules;

	private final Fees fees;

	private final Outbox outbox;

	private final BillingMetrics metrics;

	FeeAccrual(FeeSchedules schedules, Fees fees, Outbox outbox, BillingMetrics metrics) {
		this.schedules = schedules;
		this.fees = fees;
		this.outbox = outbox;
		this.metrics = metrics;
	}

	/**
	 * Accrues the subscription fee of a signed subscription pack.
	 * @param signed the completed workflow
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void subscriptionPackSigned(SigningWorkflowCompleted signed) {
		if (signed.documentKind() != DocumentKind.SUBSCRIPTION_PACK || signed.subscriptionId() == null
				|| signed.amount() == null) {
			return; // an NDA carries no fee
		}
		var schedule = this.schedules.find(signed.vehicleId()).orElse(null);
		if (schedule == null) {
			skipped("no_schedule", signed);
			return;
		}
		if (!schedule.currency().equals(signed.amount().currency())) {
			skipped("currency_mismatch", signed);
			return;
		}
		BigDecimal amount = schedule.subscriptionFee(signed.amount().amount());
		if (amount.signum() == 0) {
			skipped("zero_fee", signed);
			return;
		}
		accrue(new Fee(dev.vestline.billing.Ids.next(), signed.subscriptionId(), signed.investorId(),
				signed.vehicleId(), FeeType.SUBSCRIPTION, null, amount, schedule.currency(), "ACCRUED", null,
				signed.completedAt(), null, 0));
	}

	/**
	 * @param fee a fee to accrue
	 * @return whether it was accrued (false: an active fee of its kind already stands)
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public boolean accrue(Fee fee) {
		if (!this.fees.accrue(fee)) {
			this.metrics.countAfterCommit("vestline.billing.duplicates.suppressed", "kind", "fee");
			return false;
		}
		this.outbox.append(new FeeAccrued(fee.id(), fee.subscriptionId(), fee.investorId(), fee.vehicleId(),
				fee.feeType(), fee.period(), MinorUnits.money(fee.amount(), fee.currency()), fee.accruedAt()));
		this.metrics.countAfterCommit("vestline.billing.fees.accrued", "type", fee.feeType().name());
		return true;
	}

	private void skipped(String reason, SigningWorkflowCompleted signed) {
		// Not dead-lettered: retrying cannot help. Logged and counted so an operator sees
		// it.
		logger.warn("No subscription fee accrued for subscription {} of vehicle {}: {}", signed.subscriptionId(),
				signed.vehicleId(), reason);
		this.metrics.countAfterCommit("vestline.billing.fees.skipped", "reason", reason);
	}

}
