package dev.vestline.billing.payments;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.vestline.events.billing.PaymentSource;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code payment} table; {@code payment_once_per_reference} keeps one payment per
 * external reference.
 */
@Repository
class Payments {

	private static final String COLUMNS = """
			id, invoice_id, investor_id, currency, amount, applied_amount, credit_amount, source,
			external_reference, recorded_at
			""";

	private final JdbcClient jdbc;

	Payments(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<Payment> findByReference(PaymentSource source, String reference) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM payment WHERE source = :source AND external_reference = :ref")
			.param("source", source.name())
			.param("ref", reference)
			.query(Payments::payment)
			.optional();
	}

	Optional<Payment> find(UUID id) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM payment WHERE id = :id")
			.param("id", id)
			.query(Payments::payment)
			.optional();
	}

	List<Payment> ofInvoice(UUID invoiceId) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM payment WHERE invoice_id = :invoice ORDER BY id")
			.param("invoice", invoiceId)
			.query(Payments::payment)
			.list();
	}

	void insert(Payment payment) {
		this.jdbc.sql("""
				INSERT INTO payment (id, invoice_id, investor_id, currency, amount, applied_amount, credit_amount,
				                     source, external_reference, recorded_at)
				VALUES (:id, :invoice, :investor, :currency, :amount, :applied, :credit, :source, :ref, :at)
				""")
			.param("id", payment.id())
			.param("invoice", payment.invoiceId())
			.param("investor", payment.investorId())
			.param("currency", payment.currency())
			.param("amount", payment.amount())
			.param("applied", payment.appliedAmount())
			.param("credit", payment.creditAmount())
			.param("source", payment.source().name())
			.param("ref", payment.externalReference())
			.param("at", Timestamp.from(payment.recordedAt()))
			.update();
	}

	private static Payment payment(ResultSet rs, int row) throws SQLException {
		return new Payment(rs.getObject("id", UUID.class), rs.getObject("invoice_id", UUID.class),
				rs.getString("investor_id"), rs.getString("currency"), rs.getBigDecimal("amount"),
				rs.getBigDecimal("applied_amount"), rs.getBigDecimal("credit_amount"),
				PaymentSource.valueOf(rs.getString("source")), rs.getString("external_reference"),
				rs.getTimestamp("recorded_at").toInstant());
	}

}
