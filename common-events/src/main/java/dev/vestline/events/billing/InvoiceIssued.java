package dev.vestline.events.billing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import dev.vestline.events.Money;

/**
 * An invoice run billed an investor's accrued fees in one vehicle; reconciliation now
 * expects the invoice's total at the bank.
 *
 * @param invoiceId the invoice, the record key
 * @param invoiceNumber the number printed on the invoice
 * @param investorId the investor billed
 * @param vehicleId the vehicle whose fees are billed
 * @param total the sum of the lines
 * @param paymentReference the ISO 11649 creditor reference ({@code RF...}) the investor
 * quotes when paying
 * @param dueDate the day payment is due
 * @param lines the fees billed
 * @param issuedAt when the invoice was issued
 */
public record InvoiceIssued(UUID invoiceId, String invoiceNumber, String investorId, UUID vehicleId, Money total,
		String paymentReference, LocalDate dueDate, List<InvoiceLine> lines, Instant issuedAt) implements BillingEvent {

	public InvoiceIssued {
		Objects.requireNonNull(invoiceId, "invoiceId");
		Objects.requireNonNull(invoiceNumber, "invoiceNumber");
		Objects.requireNonNull(investorId, "investorId");
		Objects.requireNonNull(vehicleId, "vehicleId");
		Objects.requireNonNull(total, "total");
		Objects.requireNonNull(paymentReference, "paymentReference");
		Objects.requireNonNull(dueDate, "dueDate");
		lines = List.copyOf(Objects.requireNonNull(lines, "lines"));
		if (lines.isEmpty()) {
			throw new IllegalArgumentException("an invoice bills at least one fee");
		}
		Objects.requireNonNull(issuedAt, "issuedAt");
	}

	@Override
	public String aggregateId() {
		return this.invoiceId.toString();
	}

}
