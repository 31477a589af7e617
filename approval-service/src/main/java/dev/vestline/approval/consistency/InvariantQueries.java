package dev.vestline.approval.consistency;

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
		// what a deal holds is exactly what its granted, cancelling and executed
		// subscriptions hold: a release without its transition (or twice) shows here
		invariants.put("deal_reserved_equals_reservations", """
				SELECT count(*) FROM deal d
				 WHERE d.reserved <> (SELECT coalesce(sum(a.reserved_amount), 0) FROM approval a
				                       WHERE a.deal_id = d.id)
				""");
		// a completed signing means the pack was signed and billing accrued its fee: the
		// approval must be executed by that workflow and so still hold its capacity (a
		// cancellation that released it first is what this catches)
		invariants.put("completed_signing_is_executed", """
				SELECT count(*) FROM workflow_outcome o JOIN approval a ON a.id = o.approval_id
				 WHERE o.outcome = 'COMPLETED'
				   AND (a.status <> 'EXECUTED' OR a.workflow_id IS DISTINCT FROM o.workflow_id)
				""");
		return Map.copyOf(invariants);
	}

}
