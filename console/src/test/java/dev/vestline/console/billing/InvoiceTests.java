package dev.vestline.console.billing;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class InvoiceTests {

	@Test
	void saysWhereAnInvoiceStandsInWords() {
		assertThat(invoice("ISSUED", "0.00").statusInWords()).isEqualTo("Issued, unpaid");
		assertThat(invoice("ISSUED", "0.01").statusInWords()).isEqualTo("Issued, partly paid");
		assertThat(invoice("PAID", "1000.00").statusInWords()).isEqualTo("Paid");
		assertThat(invoice("VOID", "0.00").statusInWords()).isEqualTo("Void");
	}

	@Test
	void showsAmountsWithGroupedDigitsAndTheCurrency() {
		Invoice invoice = invoice("ISSUED", "250.5");

		assertThat(invoice.totalInWords()).isEqualTo("1,000.00 EUR");
		assertThat(invoice.outstandingInWords()).isEqualTo("749.50 EUR");
	}

	@Test
	void namesAStatementEntrysKindInWords() {
		Statement.Entry entry = new Statement.Entry(Instant.parse("2026-12-07T10:15:00Z"), "PAYMENT_PROVIDER",
				UUID.randomUUID(), "pay-1", new BigDecimal("5"), "EUR");

		assertThat(entry.kindInWords()).isEqualTo("Payment provider");
		assertThat(entry.atInWords()).isEqualTo("7 Dec 2026, 10:15 UTC");
	}

	private static Invoice invoice(String status, String paid) {
		return new Invoice(UUID.randomUUID(), "INV-2026-000001", "ingrid", UUID.randomUUID(), "EUR",
				new BigDecimal("1000.00"), new BigDecimal(paid), status, "RF18202600000001", LocalDate.now(),
				Instant.now(), null, null, null, 1);
	}

}
