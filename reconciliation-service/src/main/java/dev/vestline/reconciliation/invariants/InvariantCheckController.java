package dev.vestline.reconciliation.invariants;

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

	InvariantCheckController(InvariantCheck check) {
		this.check = check;
	}

	@Operation(summary = "Check the invariants now: position units and cost = sum of movements, "
			+ "funded and received amounts = sum of accepted matches, one accepted match per line, "
			+ "no credit one expectation fits left without a suggestion, invoices in their vehicle's currency")
	@PostMapping("/api/v1/invariant-checks")
	InvariantCheck.Result run() {
		return this.check.check();
	}

}
