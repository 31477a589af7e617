package dev.vestline.billing.statements;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * An investor's timeline across invoices, payments, their reversals and credit entries,
 * ordered by (time, id) so that a keyset cursor pages through it stably.
 */
@Repository
class StatementQueries {

	private final JdbcClient jdbc;

	StatementQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<StatementEntry> entries(String investorId, @Nullable Cursor after, int limit) {
		return this.jdbc.sql("""
				SELECT at, id, kind, invoice_id, reference, amount, currency FROM (
				    SELECT issued_at AS at, id, 'INVOICE_ISSUED' AS kind, id AS invoice_id,
				           invoice_number AS reference, total AS amount, currency
				      FROM invoice WHERE investor_id = :investor
				    UNION ALL
				    SELECT voided_at, id, 'INVOICE_VOIDED', id, invoice_number, total, currency
				      FROM invoice WHERE investor_id = :investor AND voided_at IS NOT NULL
				    UNION ALL
				    SELECT recorded_at, id, 'PAYMENT_' || source, invoice_id, external_reference, amount, currency
				      FROM payment WHERE investor_id = :investor
				    UNION ALL
				    SELECT r.reversed_at, r.id, 'PAYMENT_REVERSED', r.invoice_id, p.external_reference, -r.amount,
				           r.currency
				      FROM payment_reversal r JOIN payment p ON p.id = r.payment_id WHERE r.investor_id = :investor
				    UNION ALL
				    SELECT created_at, id, 'CREDIT_' || kind, invoice_id, NULL, amount, currency
				      FROM credit_entry WHERE investor_id = :investor
				) timeline
				 WHERE CAST(:afterAt AS timestamptz) IS NULL OR (at, id, kind) > (:afterAt, :afterId, :afterKind)
				 ORDER BY at, id, kind
				 LIMIT :limit
				""")
			.param("investor", investorId)
			.param("afterAt", (after != null) ? Timestamp.from(after.at()) : null)
			.param("afterId", (after != null) ? after.id() : null)
			.param("afterKind", (after != null) ? after.kind() : null)
			.param("limit", limit)
			.query((rs, n) -> new StatementEntry(rs.getTimestamp(1).toInstant(), rs.getObject(2, UUID.class),
					rs.getString(3), rs.getObject(4, UUID.class), rs.getString(5), rs.getBigDecimal(6),
					rs.getString(7)))
			.list();
	}

	List<CreditBalance> credit(String investorId) {
		return this.jdbc
			.sql("SELECT currency, balance FROM investor_credit WHERE investor_id = :investor ORDER BY currency")
			.param("investor", investorId)
			.query((rs, n) -> new CreditBalance(rs.getString(1), rs.getBigDecimal(2)))
			.list();
	}

	/**
	 * Where a page ended.
	 *
	 * @param at the entry's time
	 * @param id the entry's id
	 * @param kind the entry's kind (an invoice appears as issued and as voided)
	 */
	record Cursor(Instant at, UUID id, String kind) {
	}

	/**
	 * @param currency ISO 4217 code
	 * @param balance credit available
	 */
	record CreditBalance(String currency, BigDecimal balance) {
	}

}
