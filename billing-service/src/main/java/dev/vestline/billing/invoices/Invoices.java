package dev.vestline.billing.invoices;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code invoice} table. Every state change is one conditional UPDATE; the CHECK
 * constraints stand behind them.
 */
@Repository
public class Invoices {

	private static final String COLUMNS = """
			id, invoice_number, investor_id, vehicle_id, currency, total, amount_paid, status, payment_reference,
			due_date, issued_at, paid_at, voided_at, void_reason, version
			""";

	private final JdbcClient jdbc;

	Invoices(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(Invoice invoice, int year, int sequence) {
		this.jdbc.sql("""
				INSERT INTO invoice (id, invoice_number, invoice_year, sequence_number, investor_id, vehicle_id,
				                     currency, total, status, payment_reference, due_date, issued_at)
				VALUES (:id, :number, :year, :sequence, :investor, :vehicle, :currency, :total, 'ISSUED',
				        :reference, :due, :issued)
				""")
			.param("id", invoice.id())
			.param("number", invoice.invoiceNumber())
			.param("year", year)
			.param("sequence", sequence)
			.param("investor", invoice.investorId())
			.param("vehicle", invoice.vehicleId())
			.param("currency", invoice.currency())
			.param("total", invoice.total())
			.param("reference", invoice.paymentReference())
			.param("due", Date.valueOf(invoice.dueDate()))
			.param("issued", Timestamp.from(invoice.issuedAt()))
			.update();
	}

	public Optional<Invoice> find(UUID id) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM invoice WHERE id = :id")
			.param("id", id)
			.query(Invoices::invoice)
			.optional();
	}

	/**
	 * Reads the invoice and locks it until the transaction ends: payments and voids queue
	 * here.
	 */
	public Optional<Invoice> lock(UUID id) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM invoice WHERE id = :id FOR UPDATE")
			.param("id", id)
			.query(Invoices::invoice)
			.optional();
	}

	public Optional<Invoice> findByPaymentReference(String reference) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM invoice WHERE payment_reference = :reference")
			.param("reference", reference)
			.query(Invoices::invoice)
			.optional();
	}

	/**
	 * Adds a payment; the invoice becomes PAID when it reaches the total.
	 * @return false unless the invoice is ISSUED and the amount fits within its total
	 */
	public boolean applyPayment(UUID id, BigDecimal amount, Instant at) {
		return this.jdbc.sql("""
				UPDATE invoice
				   SET amount_paid = amount_paid + :amount,
				       status = CASE WHEN amount_paid + :amount = total THEN 'PAID' ELSE status END,
				       paid_at = CASE WHEN amount_paid + :amount = total THEN :at ELSE paid_at END,
				       version = version + 1
				 WHERE id = :id AND status = 'ISSUED' AND amount_paid + :amount <= total
				""").param("id", id).param("amount", amount).param("at", Timestamp.from(at)).update() == 1;
	}

	/**
	 * Takes a reversed payment's applied part off the invoice; a paid invoice is issued
	 * (outstanding) again.
	 * @return false unless the invoice is issued or paid and had at least that much paid
	 */
	public boolean takeBackPayment(UUID id, BigDecimal amount) {
		return this.jdbc.sql("""
				UPDATE invoice
				   SET amount_paid = amount_paid - :amount, status = 'ISSUED', paid_at = NULL, version = version + 1
				 WHERE id = :id AND status IN ('ISSUED', 'PAID') AND amount_paid >= :amount
				""").param("id", id).param("amount", amount).update() == 1;
	}

	/** Returns the fees of an invoice that is no longer paid to INVOICED. */
	public void markFeesUnpaid(UUID invoiceId) {
		this.jdbc
			.sql("UPDATE fee SET status = 'INVOICED', version = version + 1 WHERE invoice_id = :id AND status = 'PAID'")
			.param("id", invoiceId)
			.update();
	}

	/** Marks the fees of a paid invoice paid. */
	public void markFeesPaid(UUID invoiceId) {
		this.jdbc
			.sql("UPDATE fee SET status = 'PAID', version = version + 1 WHERE invoice_id = :id AND status = 'INVOICED'")
			.param("id", invoiceId)
			.update();
	}

	/**
	 * @return false unless the invoice is ISSUED, unpaid and at that version
	 */
	boolean markVoid(UUID id, long expectedVersion, String reason, String by, Instant at) {
		return this.jdbc.sql("""
				UPDATE invoice
				   SET status = 'VOID', voided_at = :at, void_reason = :reason, voided_by = :by, version = version + 1
				 WHERE id = :id AND status = 'ISSUED' AND amount_paid = 0
				   AND version = :version
				""")
			.param("id", id)
			.param("at", Timestamp.from(at))
			.param("reason", reason)
			.param("by", by)
			.param("version", expectedVersion)
			.update() == 1;
	}

	/** A voided invoice's fees are accrued again, ready for a later run or a cancel. */
	int releaseFees(UUID invoiceId) {
		return this.jdbc.sql("""
				UPDATE fee SET status = 'ACCRUED', invoice_id = NULL, version = version + 1
				 WHERE invoice_id = :id AND status = 'INVOICED'
				""").param("id", invoiceId).update();
	}

	/** A keyset page, oldest first (ids are time-ordered). */
	List<Invoice> page(@Nullable String investorId, @Nullable String status, @Nullable UUID after, int limit) {
		return this.jdbc.sql("SELECT " + COLUMNS + """
				  FROM invoice
				 WHERE (CAST(:investor AS text) IS NULL OR investor_id = :investor)
				   AND (CAST(:status AS text) IS NULL OR status = :status)
				   AND (CAST(:after AS uuid) IS NULL OR id > :after)
				 ORDER BY id LIMIT :limit
				""")
			.param("investor", investorId)
			.param("status", status)
			.param("after", after)
			.param("limit", limit)
			.query(Invoices::invoice)
			.list();
	}

	private static Invoice invoice(ResultSet rs, int row) throws SQLException {
		Timestamp paid = rs.getTimestamp("paid_at");
		Timestamp voided = rs.getTimestamp("voided_at");
		return new Invoice(rs.getObject("id", UUID.class), rs.getString("invoice_number"), rs.getString("investor_id"),
				rs.getObject("vehicle_id", UUID.class), rs.getString("currency"), rs.getBigDecimal("total"),
				rs.getBigDecimal("amount_paid"), rs.getString("status"), rs.getString("payment_reference"),
				rs.getDate("due_date").toLocalDate(), rs.getTimestamp("issued_at").toInstant(),
				(paid != null) ? paid.toInstant() : null, (voided != null) ? voided.toInstant() : null,
				rs.getString("void_reason"), rs.getLong("version"));
	}

}
