package dev.vestline.console.billing;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * An invoice as billing-service's API shows it.
 *
 * @param id the invoice
 * @param invoiceNumber e.g. {@code INV-2026-000042}
 * @param investorId the investor billed
 * @param vehicleId the vehicle
 * @param currency ISO 4217
 * @param total the sum of its lines
 * @param amountPaid the payments applied to it
 * @param status ISSUED, PAID or VOID
 * @param paymentReference the ISO 11649 reference the investor pays with
 * @param dueDate when payment is due
 * @param issuedAt when it was issued
 * @param paidAt when it was paid in full
 * @param voidedAt when it was voided
 * @param voidReason why
 * @param version what its ETag says
 */
record Invoice(UUID id, String invoiceNumber, String investorId, UUID vehicleId, String currency, BigDecimal total,
		BigDecimal amountPaid, String status, String paymentReference, LocalDate dueDate, Instant issuedAt,
		@Nullable Instant paidAt, @Nullable Instant voidedAt, @Nullable String voidReason, long version) {

	public String totalInWords() {
		return Amounts.inWords(this.total, this.currency);
	}

	public String paidInWords() {
		return Amounts.inWords(this.amountPaid, this.currency);
	}

	public String outstandingInWords() {
		return Amounts.inWords(this.total.subtract(this.amountPaid), this.currency);
	}

	public String issuedAtInWords() {
		return Dates.inWords(this.issuedAt);
	}

	public @Nullable String voidedAtInWords() {
		return (this.voidedAt != null) ? Dates.inWords(this.voidedAt) : null;
	}

	/**
	 * @return where it stands, in words
	 */
	public String statusInWords() {
		return switch (this.status) {
			case "PAID" -> "Paid";
			case "VOID" -> "Void";
			default -> (this.amountPaid.signum() > 0) ? "Issued, partly paid" : "Issued, unpaid";
		};
	}

	public boolean isIssued() {
		return "ISSUED".equals(this.status);
	}

	/**
	 * One fee the invoice bills.
	 *
	 * @param feeId the fee
	 * @param subscriptionId its subscription
	 * @param feeType its kind
	 * @param period a management fee's quarter
	 * @param amount billed
	 */
	record Line(UUID feeId, UUID subscriptionId, String feeType, @Nullable String period, BigDecimal amount) {

		public String kindInWords() {
			return "MANAGEMENT".equals(this.feeType) ? "Management fee " + this.period : "Subscription fee";
		}

	}

	/**
	 * An invoice with its lines.
	 *
	 * @param invoice the invoice
	 * @param lines the fees it bills
	 */
	record Detail(Invoice invoice, List<Line> lines) {
	}

	/**
	 * A keyset page of invoices, oldest first.
	 *
	 * @param items the invoices
	 * @param next the cursor of the next page
	 */
	record Page(List<Invoice> items, @Nullable UUID next) {
	}

}
