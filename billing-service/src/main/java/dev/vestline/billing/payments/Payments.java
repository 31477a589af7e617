package dev.vestline.billing.payments;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.vestline.events.Money;
import dev.vestline.events.billing.PaymentSource;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code payment}, {@code payment_reversal} and {@code bank_match} tables.
 * {@code payment_once_per_match} keeps one payment per bank match,
 * {@code payment_once_per_reference} one live (not reversed) payment per provider payment
 * id.
 */
@Repository
class Payments {

	private static final String COLUMNS = """
			id, invoice_id, investor_id, currency, amount, applied_amount, credit_amount, source,
			external_reference, match_id, recorded_at, reversed_at
			""";

	private final JdbcClient jdbc;

	Payments(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The payment a report of that origin is a repetition of: the payment of the match
	 * (even reversed: a match pays once), or the live payment of the provider's payment
	 * id.
	 */
	Optional<Payment> findRecorded(PaymentOrigin origin) {
		if (origin.matchId() != null) {
			return ofMatch(origin.matchId());
		}
		return this.jdbc
			.sql("SELECT " + COLUMNS
					+ " FROM payment WHERE source = :source AND external_reference = :ref AND reversed_at IS NULL")
			.param("source", origin.source().name())
			.param("ref", origin.reference())
			.query(Payments::payment)
			.optional();
	}

	/**
	 * The payment a reversal of that origin takes back: the payment of the match, else
	 * (recorded before payments kept their match) the live, or else the last, payment of
	 * the reference for that invoice.
	 */
	Optional<Payment> findToReverse(PaymentOrigin origin, UUID invoiceId) {
		Optional<Payment> ofMatch = (origin.matchId() != null) ? ofMatch(origin.matchId()) : Optional.empty();
		return ofMatch.or(() -> this.jdbc.sql("SELECT " + COLUMNS + """
				  FROM payment
				 WHERE source = :source AND external_reference = :ref AND invoice_id = :invoice AND match_id IS NULL
				 ORDER BY reversed_at IS NULL DESC, id DESC LIMIT 1
				""")
			.param("source", origin.source().name())
			.param("ref", origin.reference())
			.param("invoice", invoiceId)
			.query(Payments::payment)
			.optional());
	}

	private Optional<Payment> ofMatch(UUID matchId) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM payment WHERE match_id = :match")
			.param("match", matchId)
			.query(Payments::payment)
			.optional();
	}

	/**
	 * Keeps the match as reconciliation reported it, whatever billing then makes of it
	 * (the consistency check holds it to its payment); a repeated report adds nothing.
	 */
	void noteMatch(UUID matchId, String bankTransactionId, UUID invoiceId, Money amount, Instant at) {
		this.jdbc.sql("""
				INSERT INTO bank_match (match_id, invoice_id, bank_transaction_id, amount, currency, received_at)
				VALUES (:match, :invoice, CAST(:line AS uuid), :amount, :currency, :at)
				ON CONFLICT (match_id) DO NOTHING
				""")
			.param("match", matchId)
			.param("invoice", invoiceId)
			.param("line", bankTransactionId)
			.param("amount", amount.amount())
			.param("currency", amount.currency())
			.param("at", Timestamp.from(at))
			.update();
	}

	/**
	 * Keeps that reconciliation reversed the match; a repeated report changes nothing.
	 */
	void noteMatchReversed(UUID matchId, Instant at) {
		this.jdbc.sql("UPDATE bank_match SET reversed_at = :at WHERE match_id = :match AND reversed_at IS NULL")
			.param("match", matchId)
			.param("at", Timestamp.from(at))
			.update();
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
				                     source, external_reference, match_id, recorded_at)
				VALUES (:id, :invoice, :investor, :currency, :amount, :applied, :credit, :source, :ref, :match, :at)
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
			.param("match", payment.matchId())
			.param("at", Timestamp.from(payment.recordedAt()))
			.update();
	}

	private static Payment payment(ResultSet rs, int row) throws SQLException {
		return new Payment(rs.getObject("id", UUID.class), rs.getObject("invoice_id", UUID.class),
				rs.getString("investor_id"), rs.getString("currency"), rs.getBigDecimal("amount"),
				rs.getBigDecimal("applied_amount"), rs.getBigDecimal("credit_amount"),
				PaymentSource.valueOf(rs.getString("source")), rs.getString("external_reference"),
				rs.getObject("match_id", UUID.class), rs.getTimestamp("recorded_at").toInstant(),
				instant(rs.getTimestamp("reversed_at")));
	}

	private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

}
