package dev.vestline.events.billing;

import java.util.Objects;
import java.util.UUID;

import dev.vestline.events.Money;
import org.jspecify.annotations.Nullable;

/**
 * One accrued fee billed by an invoice.
 *
 * @param feeId the fee
 * @param subscriptionId the subscription the fee was accrued on
 * @param feeType the kind of fee
 * @param period the period a management fee covers, e.g. {@code 2026-Q4}; absent for a
 * subscription fee
 * @param amount the amount billed for the fee
 */
public record InvoiceLine(UUID feeId, UUID subscriptionId, FeeType feeType, @Nullable String period, Money amount) {

	public InvoiceLine {
		Objects.requireNonNull(feeId, "feeId");
		Objects.requireNonNull(subscriptionId, "subscriptionId");
		Objects.requireNonNull(feeType, "feeType");
		Objects.requireNonNull(amount, "amount");
	}

}
