package dev.vestline.billing.fees;

import java.time.Clock;
import java.util.UUID;

import dev.vestline.billing.BillingMetrics;
import dev.vestline.events.billing.FeeCancelled;
import dev.vestline.messaging.outbox.Outbox;
import dev.vestline.support.domain.Conflict;
import dev.vestline.support.domain.NotFound;
import dev.vestline.support.domain.StaleVersion;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Cancels accrued fees with one conditional update ({@code status = 'ACCRUED' AND version
 * = ?}): the caller names the version it read; an invoiced fee must first be released by
 * voiding its invoice.
 */
@Service
@Transactional
class FeeCancellation {

	private final Fees fees;

	private final Outbox outbox;

	private final BillingMetrics metrics;

	private final Clock clock;

	FeeCancellation(Fees fees, Outbox outbox, BillingMetrics metrics, Clock clock) {
		this.fees = fees;
		this.outbox = outbox;
		this.metrics = metrics;
		this.clock = clock;
	}

	Fee cancel(UUID id, long expectedVersion, String reason, String by) {
		var now = this.clock.instant();
		if (!this.fees.cancel(id, expectedVersion, reason, by, now)) {
			Fee fee = this.fees.find(id).orElseThrow(() -> new NotFound("Fee " + id));
			if (fee.version() != expectedVersion) {
				throw StaleVersion.of(fee.version());
			}
			throw new Conflict("Fee " + id + " is " + fee.status() + "; only an ACCRUED fee can be cancelled"
					+ ("INVOICED".equals(fee.status()) ? " (void its invoice first)" : ""));
		}
		Fee fee = this.fees.find(id).orElseThrow();
		this.outbox
			.append(new FeeCancelled(fee.id(), fee.subscriptionId(), fee.feeType(), fee.period(), reason, by, now));
		this.metrics.countAfterCommit("vestline.billing.fees.cancelled", "type", fee.feeType().name());
		return fee;
	}

}
