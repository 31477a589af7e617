package dev.vestline.support.consistency;

import dev.vestline.support.operations.OperatorActions;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Runs a service's consistency check on demand; the service's security rules say who may.
 */
@RestController
class ConsistencyCheckController {

	private final ConsistencyCheck check;

	private final OperatorActions actions;

	ConsistencyCheckController(ConsistencyCheck check, OperatorActions actions) {
		this.check = check;
		this.actions = actions;
	}

	/**
	 * Runs the check and records it in the operator-action audit; the check reads on a
	 * snapshot of its own, so the record follows it.
	 */
	@PostMapping("/api/v1/consistency-checks")
	ConsistencyCheck.Result run() {
		ConsistencyCheck.Result result = this.check.check();
		this.actions.record("consistency-check.run", "the invariants", null, Invariants.inWords(result.violations()));
		return result;
	}

}
