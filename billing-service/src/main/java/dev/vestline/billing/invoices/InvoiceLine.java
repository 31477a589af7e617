package dev.vestline.billing.invoices;

import java.math.BigDecimal;
import java.util.UUID;

import dev.vestline.events.billing.FeeType;
import org.jspecify.annotations.Nullable;

/**
 * One fee billed by an invoice.
 *
 * @param feeId the fee
 * @param subscriptionId its subscription
 * @param feeType its kind
 * @param period the quarter of a management fee
 * @param amount the amount billed
 */
public record InvoiceLine(UUID feeId, UUID subscriptionId, FeeType feeType, @Nullable String period,
		BigDecimal amount) {

}
