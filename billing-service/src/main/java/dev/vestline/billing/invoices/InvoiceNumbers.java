package dev.vestline.billing.invoices;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Gap-free invoice numbers per year. The counter row is incremented inside the issuing
 * transaction and stays locked until it ends: a rolled-back invoice returns its number,
 * so numbers have no gaps; concurrent runs queue only for this short step.
 */
@Repository
class InvoiceNumbers {

	private final JdbcClient jdbc;

	InvoiceNumbers(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	int next(int year) {
		return this.jdbc.sql("""
				INSERT INTO invoice_number_counter (year, last_number) VALUES (:year, 1)
				ON CONFLICT (year) DO UPDATE SET last_number = invoice_number_counter.last_number + 1
				RETURNING last_number
				""").param("year", year).query(Integer.class).single();
	}

	static String format(int year, int sequence) {
		return "INV-%d-%06d".formatted(year, sequence);
	}

	static String paymentReference(int year, int sequence) {
		return CreditorReference.of("%d%06d".formatted(year, sequence));
	}

}
