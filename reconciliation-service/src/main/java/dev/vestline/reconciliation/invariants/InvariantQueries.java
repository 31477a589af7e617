package dev.vestline.reconciliation.invariants;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Counts the rows that break each invariant.
 */
@Repository
class InvariantQueries {

	static final java.util.List<String> INVARIANTS = java.util.List.of("position_units", "subscription_funded",
			"invoice_received");

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
		return violations;
	}

	private long count(String sql) {
		return this.jdbc.sql(sql).query(Long.class).single();
	}

}
