package dev.vestline.billing.consistency;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One query per invariant, each counting the rows that break it.
 */
final class InvariantQueries {

	/** Invariant name to the query counting its violations. */
	static final Map<String, String> INVARIANTS = invariants();

	private InvariantQueries() {
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
		// every match reconciliation reported has its own payment, live until the match
		// is
		// reversed, and no bank payment lacks its match: a payment dropped as a
		// "duplicate" of another match of the same bank line, or a reversal that took
		// back another match's payment, shows here (issue 16, defect 1)
		invariants.put("bank_match_paid_by_its_payment", """
				SELECT (SELECT count(*) FROM bank_match m
				         WHERE NOT EXISTS (SELECT 1 FROM payment p
				                            WHERE p.match_id = m.match_id AND p.invoice_id = m.invoice_id
				                              AND p.amount = m.amount AND p.currency = m.currency
				                              AND (p.reversed_at IS NULL) = (m.reversed_at IS NULL)))
				     + (SELECT count(*) FROM payment p
				         WHERE p.match_id IS NOT NULL
				           AND NOT EXISTS (SELECT 1 FROM bank_match m WHERE m.match_id = p.match_id))
				""");
		invariants.put("payment_reversal_takes_back_its_payment", """
				SELECT count(*) FROM payment_reversal r JOIN payment p ON p.id = r.payment_id
				 WHERE r.invoice_id <> p.invoice_id OR r.amount <> p.amount OR r.currency <> p.currency
				    OR r.investor_id <> p.investor_id
				""");
		// a fee is charged in its subscription's currency: a fee computed on a USD
		// commitment and booked in a EUR schedule's currency shows here (issue 16,
		// defect 3); a cancelled fee no longer counts
		invariants.put("fee_currency_is_subscription_currency", """
				SELECT count(*) FROM fee f JOIN funded_subscription s ON s.subscription_id = f.subscription_id
				 WHERE f.currency <> s.currency AND f.status <> 'CANCELLED'
				""");
		// every amount fits Money (below 10^15), so that every table and every consumer
		// can hold it: a schedule minimum or fee of 1e400 from before the bound shows
		// here
		invariants.put("amounts_below_maximum", """
				SELECT (SELECT count(*) FROM fee_schedule WHERE subscription_fee_minimum >= 1000000000000000)
				     + (SELECT count(*) FROM fee WHERE amount >= 1000000000000000)
				     + (SELECT count(*) FROM invoice WHERE total >= 1000000000000000)
				     + (SELECT count(*) FROM payment WHERE amount >= 1000000000000000)
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
