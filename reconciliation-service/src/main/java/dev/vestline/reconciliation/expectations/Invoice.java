package dev.vestline.reconciliation.expectations;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonFormat;
import org.jspecify.annotations.Nullable;

/**
 * An issued invoice reconciliation expects payment for.
 *
 * @param id the invoice
 * @param invoiceNumber its printed number
 * @param investorId the investor billed
 * @param vehicleId the vehicle
 * @param total what is due
 * @param currency its ISO 4217 code
 * @param paymentReference the RF reference, without spaces, upper case
 * @param dueDate when it is due
 * @param received what accepted matches brought so far
 * @param version the row version
 * @param voidedAt when billing voided it; {@code null} while payment is expected
 */
public record Invoice(UUID id, String invoiceNumber, String investorId, UUID vehicleId,
		@JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal total, String currency, String paymentReference,
		LocalDate dueDate, @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal received, long version,
		@Nullable Instant voidedAt) {

}
