package dev.vestline.console.approvals;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import dev.vestline.console.approvals.Approval.Money;

/**
 * One change of a deal, as the API shows it.
 *
 * @param changedBy who
 * @param changedAt when
 * @param nameBefore the name before
 * @param nameAfter the name after
 * @param capacityBefore the capacity before
 * @param capacityAfter the capacity after
 * @param reserved what granted subscriptions held then
 * @param reason why
 */
record DealChange(String changedBy, Instant changedAt, String nameBefore, String nameAfter, Money capacityBefore,
		Money capacityAfter, Money reserved, @Nullable String reason) {

	public String atInWords() {
		return HistoryEntry.MOMENT.format(this.changedAt);
	}

}
