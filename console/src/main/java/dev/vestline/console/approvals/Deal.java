package dev.vestline.console.approvals;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import dev.vestline.console.approvals.Approval.Money;

/**
 * A deal as approval-service's API shows it.
 *
 * @param id the deal
 * @param vehicleId the investment vehicle its subscriptions are in
 * @param name its name
 * @param capacity the allocation capacity
 * @param reserved held by granted subscriptions
 * @param available what is left
 */
record Deal(UUID id, UUID vehicleId, String name, Money capacity, Money reserved, Money available) {

	/**
	 * @return the reserved share of the capacity, in whole percent, for the bar's text
	 */
	public int reservedPercent() {
		if (this.capacity.amount().signum() == 0) {
			return 0;
		}
		return this.reserved.amount()
			.multiply(BigDecimal.valueOf(100))
			.divide(this.capacity.amount(), 0, RoundingMode.DOWN)
			.intValue();
	}

	/**
	 * One page of deals.
	 *
	 * @param items the deals
	 * @param next the cursor of the next page
	 */
	record Page(List<Deal> items, @Nullable String next) {
	}

}
