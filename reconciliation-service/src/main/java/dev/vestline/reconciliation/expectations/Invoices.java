package dev.vestline.reconciliation.expectations;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import dev.vestline.events.billing.InvoiceIssued;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The issued invoices reconciliation expects payment for.
 */
@Repository
public class Invoices {

	private final JdbcClient jdbc;

	Invoices(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * @return false when the invoice was already expected (a redelivery)
	 */
	boolean expect(InvoiceIssued issued, Instant now) {
		return this.jdbc.sql("""
				INSERT INTO invoice (id, invoice_number, investor_id, vehicle_id, total, currency,
				                     payment_reference, due_date, expected_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
				ON CONFLICT (id) DO NOTHING
				""")
			.params(issued.invoiceId(), issued.invoiceNumber(), issued.investorId(), issued.vehicleId(),
					issued.total().amount(), issued.total().currency(), normalized(issued.paymentReference()),
					issued.dueDate(), Timestamp.from(now))
			.update() == 1;
	}

	public Optional<Invoice> find(UUID id) {
		return this.jdbc.sql("""
				SELECT id, invoice_number, investor_id, vehicle_id, total, currency, payment_reference, due_date,
				       received, version, voided_at
				  FROM invoice WHERE id = ?
				""").param(id).query(Invoice.class).optional();
	}

	/**
	 * Records money received in one conditional UPDATE that never lets it exceed the
	 * total.
	 * @param id the invoice
	 * @param amount the money
	 * @return whether it fitted
	 */
	public boolean receive(UUID id, BigDecimal amount) {
		return this.jdbc.sql("""
				UPDATE invoice SET received = received + ?, version = version + 1
				 WHERE id = ? AND received + ? <= total
				""").params(amount, id, amount).update() == 1;
	}

	/**
	 * @return false when the invoice is unknown (its InvoiceIssued never came) or was
	 * voided already
	 */
	boolean markVoided(UUID id, String reason, Instant now) {
		return this.jdbc.sql("""
				UPDATE invoice SET voided_at = ?, void_reason = ?, version = version + 1
				 WHERE id = ? AND voided_at IS NULL
				""").params(Timestamp.from(now), reason, id).update() == 1;
	}

	/**
	 * Takes money received back off the invoice, never below zero.
	 * @param id the invoice
	 * @param amount the money an accepted match had brought
	 * @return whether the invoice had received at least that much
	 */
	public boolean takeBack(UUID id, BigDecimal amount) {
		return this.jdbc.sql("""
				UPDATE invoice SET received = received - ?, version = version + 1
				 WHERE id = ? AND received >= ?
				""").params(amount, id, amount).update() == 1;
	}

	/**
	 * @param reference a payment reference as printed or typed
	 * @return it without spaces, upper case: how references are stored and compared
	 */
	public static String normalized(String reference) {
		return reference.replace(" ", "").toUpperCase(Locale.ROOT);
	}

}
