package dev.vestline.billing.statements;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * One line of an investor's statement.
 *
 * @param at when it happened
 * @param id the invoice, payment or credit entry
 * @param kind INVOICE_ISSUED, INVOICE_VOIDED, PAYMENT_BANK, PAYMENT_PROVIDER,
 * PAYMENT_CREDIT, CREDIT_RECEIVED or CREDIT_APPLIED
 * @param invoiceId the invoice concerned
 * @param reference the invoice number or the payment's external reference
 * @param amount the amount (negative for credit applied)
 * @param currency ISO 4217 code
 */
public record StatementEntry(Instant at, UUID id, String kind, UUID invoiceId, @Nullable String reference,
		BigDecimal amount, String currency) {

}
