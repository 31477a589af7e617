package dev.vestline.billing.consistency;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * One query per invariant, each counting the rows that break it.
 */
@Repository
class InvariantQueries {

	/** Invariant name to the query counting its violations. */
	static final Map<String, String> INVARIANTS = invariants();

	private final JdbcClient jdbc;

	InvariantQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long violations(String invariant) {
		return this.jdbc.sql(INVARIANTS.get(invariant)).query(Long.class).single();
	}

	private static Map<String, String> invariants() {
		Map<String, String> invariants = new LinkedHashMap<>();
		invariants.put("invoice_paid_equals_payments_applied", """
				SELECT count(*) FROM invoice i
				 WHERE i.amount_paid <> (SELECT coalesce(sum(p.applied_amount), 0) FROM payment p
				                          WHERE p.invoice_id = i.id)
				                      - (SELECT coalesce(sum(r.applied_amount), 0) FROM payment_reversal r
				                          WHERE r.invoice_id = i.id)
				""");
		invariants.put("credit_reversed_equals_reversals", """
				SELECT count(*)
				  FROM (SELECT investor_id, currency, sum(credit_amount) AS credit FROM payment_reversal
				         GROUP BY investor_id, currency) r
				  FULL JOIN (SELECT investor_id, currency, -sum(amount) AS reversed FROM credit_entry
				              WHERE kind = 'REVERSED' GROUP BY investor_id, currency) e
				    ON e.investor_id = r.investor_id AND e.currency = r.currency
				 WHERE coalesce(r.credit, 0) <> coalesce(e.reversed, 0)
				""");
		invariants.put("payment_reversed_once_with_its_reversal", """
				SELECT count(*) FROM payment p
				 WHERE (p.reversed_at IS NOT NULL)
				       <> EXISTS (SELECT 1 FROM payment_reversal r WHERE r.payment_id = p.id)
				""");
		invariants.put("invoice_total_equals_lines", """
				SELECT count(*) FROM invoice i
				 WHERE i.total <> (SELECT coalesce(sum(l.amount), 0) FROM invoice_line l WHERE l.invoice_id = i.id)
				""");
		invariants.put("credit_equals_received_minus_applied", """
				SELECT count(*)
				  FROM investor_credit c
				  FULL JOIN (SELECT investor_id, currency, sum(amount) AS net FROM credit_entry
				              GROUP BY investor_id, currency) e
				    ON e.investor_id = c.investor_id AND e.currency = c.currency
				 WHERE coalesce(c.balance, 0) <> coalesce(e.net, 0)
				""");
		invariants.put("credit_received_equals_overpayments", """
				SELECT count(*)
				  FROM (SELECT investor_id, currency, sum(credit_amount) AS credit FROM payment
				         GROUP BY investor_id, currency) p
				  FULL JOIN (SELECT investor_id, currency, sum(amount) AS received FROM credit_entry
				              WHERE kind = 'RECEIVED' GROUP BY investor_id, currency) e
				    ON e.investor_id = p.investor_id AND e.currency = p.currency
				 WHERE coalesce(p.credit, 0) <> coalesce(e.received, 0)
				""");
		invariants.put("fee_status_matches_invoice", """
				SELECT count(*) FROM fee f JOIN invoice i ON i.id = f.invoice_id
				 WHERE (f.status = 'INVOICED' AND i.status <> 'ISSUED') OR (f.status = 'PAID' AND i.status <> 'PAID')
				""");
		return Map.copyOf(invariants);
	}

}
