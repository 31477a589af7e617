package dev.vestline.console.billing;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A fee as billing-service's API shows it.
 *
 * @param id the fee
 * @param subscriptionId its subscription
 * @param investorId who owes it
 * @param vehicleId whose schedule priced it
 * @param feeType {@code SUBSCRIPTION} or {@code MANAGEMENT}
 * @param period the quarter of a management fee
 * @param amount the fee
 * @param currency ISO 4217
 * @param status ACCRUED, INVOICED, PAID or CANCELLED
 * @param invoiceId the invoice billing it
 * @param accruedAt when it was accrued
 * @param cancelReason why it was cancelled
 */
record Fee(UUID id, UUID subscriptionId, String investorId, UUID vehicleId, String feeType, @Nullable String period,
		BigDecimal amount, String currency, String status, @Nullable UUID invoiceId, Instant accruedAt,
		@Nullable String cancelReason) {

	public String amountInWords() {
		return Amounts.inWords(this.amount, this.currency);
	}

	public String accruedAtInWords() {
		return Dates.inWords(this.accruedAt);
	}

	public String kindInWords() {
		return "MANAGEMENT".equals(this.feeType) ? "Management fee " + this.period : "Subscription fee";
	}

	/**
	 * A keyset page of fees, oldest first.
	 *
	 * @param items the fees
	 * @param next the cursor of the next page
	 */
	record Page(List<Fee> items, @Nullable UUID next) {
	}

}
