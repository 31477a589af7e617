package dev.vestline.reconciliation.invariants;

import dev.vestline.support.consistency.Invariants;
import dev.vestline.support.operations.OperatorActions;
import io.swagger.v3.oas.annotations.Operation;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Runs the invariant check on demand, e.g. right after a data fix, instead of waiting for
 * the schedule.
 */
@RestController
class InvariantCheckController {

	private final InvariantCheck check;

	private final OperatorActions actions;

	InvariantCheckController(InvariantCheck check, OperatorActions actions) {
		this.check = check;
		this.actions = actions;
	}

	@Operation(summary = "Check the invariants now: position units and cost = sum of movements, "
			+ "funded and received amounts = sum of accepted matches, one accepted match per line, "
			+ "no credit one expectation fits left without a suggestion, invoices in their vehicle's currency")
	@PostMapping("/api/v1/invariant-checks")
	InvariantCheck.Result run() {
		InvariantCheck.Result result = this.check.check();
		// the check reads on a snapshot of its own; the audit row follows it
		this.actions.record("invariant-check.run", "the invariants", null, Invariants.inWords(result.violations()));
		return result;
	}

}
