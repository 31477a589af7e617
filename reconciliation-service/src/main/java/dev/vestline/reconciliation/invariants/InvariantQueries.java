package dev.vestline.reconciliation.invariants;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Counts the rows that break each invariant.
 */
@Repository
class InvariantQueries {

	static final List<String> INVARIANTS = List.of("position_units", "subscription_funded", "invoice_received",
			"line_accepted_once", "line_unsuggested", "invoice_currency");

	private final JdbcClient jdbc;

	InvariantQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Map<String, Long> violations() {
		Map<String, Long> violations = new LinkedHashMap<>();
		violations.put("position_units", count("""
				SELECT count(*) FROM position p
				 WHERE p.units <> (SELECT coalesce(sum(m.units_delta), 0) FROM position_movement m
				                    WHERE m.position_id = p.id)
				    OR p.cost_basis <> (SELECT coalesce(sum(m.cost_delta), 0) FROM position_movement m
				                         WHERE m.position_id = p.id)
				"""));
		violations.put("subscription_funded", count("""
				SELECT count(*) FROM subscription s
				 WHERE s.funded <> (SELECT coalesce(sum(m.amount), 0) FROM bank_match m
				                     WHERE m.subscription_id = s.id AND m.status = 'ACCEPTED')
				"""));
		violations.put("invoice_received", count("""
				SELECT count(*) FROM invoice i
				 WHERE i.received <> (SELECT coalesce(sum(m.amount), 0) FROM bank_match m
				                       WHERE m.invoice_id = i.id AND m.status = 'ACCEPTED')
				"""));
		// the partial unique index bank_match_one_accepted_per_line says the same; this
		// stands guard should a data fix or a migration ever bypass it
		violations.put("line_accepted_once", count("""
				SELECT count(*) FROM (SELECT bank_transaction_id FROM bank_match WHERE status = 'ACCEPTED'
				                       GROUP BY bank_transaction_id HAVING count(*) > 1) twice
				"""));
		violations.put("line_unsuggested", count(UNSUGGESTED));
		// a vehicle is subscribed in one currency: an invoice in another was computed on
		// one currency and booked in another
		violations.put("invoice_currency", count("""
				SELECT count(*) FROM invoice i
				 WHERE i.voided_at IS NULL
				   AND EXISTS (SELECT 1 FROM subscription s
				                WHERE s.investor_id = i.investor_id AND s.vehicle_id = i.vehicle_id
				                  AND s.currency <> i.currency)
				"""));
		return violations;

	}

	/**
	 * Credits no match ever held (not even a rejected one) although exactly one
	 * expectation fits them by auto-matching's rules: an invoice whose reference the line
	 * quotes, else one subscription whose investor it names as a token and whose
	 * outstanding amount it pays. Auto-matching suggests in the same transaction that
	 * commits the later of the two rows, so no snapshot can see both without the
	 * suggestion; a line counted here missed it.
	 */
	private static final String UNSUGGESTED = """
					SELECT count(*) FROM (
					  SELECT (SELECT count(*) FROM invoice i
					           WHERE i.currency = t.currency AND i.received < i.total AND i.voided_at IS NULL
					             AND strpos(upper(replace(coalesce(t.remittance_information, ''), ' ', '')),
					                        i.payment_reference) > 0) AS invoices,
					         (SELECT count(*) FROM subscription s
					           WHERE s.currency = t.currency AND s.commitment - s.funded = t.amount
					             AND lower(s.investor_id) = ANY (regexp_split_to_array(
					                   lower(coalesce(t.remittance_information, '') || ' ' || coalesce(t.counterparty_name, '')),
					                   '[\\s,;()\\[\\]{}<>"'']+'))) AS subscriptions
			FROM bank_transaction
			t WHERE t.amount>0
			AND NOT

			EXISTS (SELECT 1 FROM bank_match m WHERE m.bank_transaction_id = t.id)) fits
					 WHERE fits.invoices = 1 OR (fits.invoices = 0 AND fits.subscriptions = 1)
					""";

	private long count(String sql) {
		return this.jdbc.sql(sql).query(Long.class).single();
	}

}
