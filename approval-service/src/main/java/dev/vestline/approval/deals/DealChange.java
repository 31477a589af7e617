package dev.vestline.approval.deals;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * One change an operator made to a deal.
 *
 * @param dealId the deal
 * @param version the deal's version after the change
 * @param changedBy who changed it
 * @param changedAt when
 * @param nameBefore the name before
 * @param nameAfter the name after
 * @param capacityBefore the capacity before
 * @param capacityAfter the capacity after
 * @param reserved what granted subscriptions held at that moment
 * @param reason why, as the operator wrote it
 */
record DealChange(UUID dealId, long version, String changedBy, Instant changedAt, String nameBefore, String nameAfter,
		BigDecimal capacityBefore, BigDecimal capacityAfter, BigDecimal reserved, @Nullable String reason) {
}
