package dev.vestline.billing.fees;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import dev.vestline.events.billing.FeeType;
import org.jspecify.annotations.Nullable;

/**
 * A fee accrued on a subscription; at most one active per (subscription, type, period).
 *
 * @param id the fee
 * @param subscriptionId the subscription
 * @param investorId who owes it
 * @param vehicleId whose schedule priced it
 * @param feeType the kind of fee
 * @param period the quarter a management fee covers
 * @param amount the fee
 * @param currency ISO 4217 code
 * @param status ACCRUED, INVOICED, PAID or CANCELLED
 * @param invoiceId the invoice billing it, if any
 * @param accruedAt when it was accrued
 * @param cancelReason why it was cancelled, if it was
 * @param version the version, the ETag
 */
public record Fee(UUID id, UUID subscriptionId, String investorId, UUID vehicleId, FeeType feeType,
		@Nullable String period, BigDecimal amount, String currency, String status, @Nullable UUID invoiceId,
		Instant accruedAt, @Nullable String cancelReason, long version) {

}
