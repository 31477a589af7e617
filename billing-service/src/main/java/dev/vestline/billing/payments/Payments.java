package dev.vestline.billing.payments;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.vestline.events.billing.PaymentSource;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code payment} and {@code payment_reversal} tables;
 * {@code payment_once_per_reference} keeps one live (not reversed) payment per external
 * reference.
 */
@Repository
class Payments {

	private static final String COLUMNS = """
			id, invoice_id, investor_id, currency, amount, applied_amount, credit_amount, source,
			external_reference, recorded_at, reversed_at
			""";

	private final JdbcClient jdbc;

	Payments(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The live payment of the reference: a reversed one no longer counts. */
	Optional<Payment> findByReference(PaymentSource source, String reference) {
		return this.jdbc
			.sql("SELECT " + COLUMNS
					+ " FROM payment WHERE source = :source AND external_reference = :ref AND reversed_at IS NULL")
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

	boolean anyReversed(PaymentSource source, String reference) {
		return this.jdbc.sql("""
				SELECT EXISTS (SELECT 1 FROM payment
				                WHERE source = :source AND external_reference = :ref AND reversed_at IS NOT NULL)
				""").param("source", source.name()).param("ref", reference).query(Boolean.class).single();
	}

	/**
	 * @return false when the payment was reversed already
	 */
	boolean markReversed(UUID id, Instant at) {
		return this.jdbc.sql("UPDATE payment SET reversed_at = :at WHERE id = :id AND reversed_at IS NULL")
			.param("id", id)
			.param("at", Timestamp.from(at))
			.update() == 1;
	}

	void insert(Reversal reversal) {
		this.jdbc.sql("""
				INSERT INTO payment_reversal (id, payment_id, invoice_id, investor_id, currency, amount, applied_amount,
				                              credit_amount, unrecovered_amount, reason, reversed_at)
				VALUES (:id, :payment, :invoice, :investor, :currency, :amount, :applied, :credit, :unrecovered,
				        :reason, :at)
				""")
			.param("id", reversal.id())
			.param("payment", reversal.payment().id())
			.param("invoice", reversal.payment().invoiceId())
			.param("investor", reversal.payment().investorId())
			.param("currency", reversal.payment().currency())
			.param("amount", reversal.payment().amount())
			.param("applied", reversal.appliedAmount())
			.param("credit", reversal.creditAmount())
			.param("unrecovered", reversal.unrecoveredAmount())
			.param("reason", reversal.reason())
			.param("at", Timestamp.from(reversal.reversedAt()))
			.update();
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
				rs.getTimestamp("recorded_at").toInstant(), instant(rs.getTimestamp("reversed_at")));
	}

	private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

}
