package dev.vestline.console.billing;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A page of an investor's statement as billing-service's API shows it.
 *
 * @param investorId the investor
 * @param credit their credit per currency
 * @param entries the page, oldest first
 * @param next the cursor of the next page
 */
record Statement(String investorId, List<Credit> credit, List<Entry> entries, @Nullable String next) {

	/**
	 * One line of the statement.
	 *
	 * @param at when it happened
	 * @param kind INVOICE_ISSUED, INVOICE_VOIDED, PAYMENT_BANK, PAYMENT_PROVIDER,
	 * PAYMENT_CREDIT, CREDIT_RECEIVED, CREDIT_APPLIED, ...
	 * @param invoiceId the invoice concerned
	 * @param reference the invoice number or the payment's reference
	 * @param amount the amount
	 * @param currency ISO 4217
	 */
	record Entry(Instant at, String kind, UUID invoiceId, @Nullable String reference, BigDecimal amount,
			String currency) {

		public String atInWords() {
			return Dates.inWords(this.at);
		}

		public String amountInWords() {
			return Amounts.inWords(this.amount, this.currency);
		}

		/**
		 * @return the kind in words: "Invoice issued", "Payment by bank transfer", ...
		 */
		public String kindInWords() {
			String words = this.kind.toLowerCase(Locale.ROOT).replace('_', ' ');
			return Character.toUpperCase(words.charAt(0)) + words.substring(1);
		}

	}

}
