package dev.vestline.billing.invoices;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * An invoice billing an investor's accrued fees in one vehicle.
 *
 * @param id the invoice
 * @param invoiceNumber gap-free per year, e.g. {@code INV-2026-000042}
 * @param investorId the investor billed
 * @param vehicleId the vehicle
 * @param currency ISO 4217 code
 * @param total the sum of its lines
 * @param amountPaid the sum of the payments applied to it, never above the total
 * @param status ISSUED, PAID or VOID
 * @param paymentReference ISO 11649 creditor reference
 * @param dueDate when payment is due
 * @param issuedAt when it was issued
 * @param paidAt when it was paid in full
 * @param voidedAt when it was voided
 * @param voidReason why it was voided
 * @param version the version, the ETag
 */
public record Invoice(UUID id, String invoiceNumber, String investorId, UUID vehicleId, String currency,
		BigDecimal total, BigDecimal amountPaid, String status, String paymentReference, LocalDate dueDate,
		Instant issuedAt, @Nullable Instant paidAt, @Nullable Instant voidedAt, @Nullable String voidReason,
		long version) {

	/**
	 * @return what is still to be paid
	 */
	public BigDecimal outstanding() {
		return this.total.subtract(this.amountPaid);
	}

}
