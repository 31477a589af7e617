package dev.vestline.approval.consistency;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Runs the consistency check on demand (operations).
 */
@RestController
class ConsistencyCheckController {

	private final ConsistencyCheck check;

	ConsistencyCheckController(ConsistencyCheck check) {
		this.check = check;
	}

	@PostMapping("/api/v1/consistency-checks")
	ConsistencyCheck.Result run() {
		return this.check.check();
	}

}
