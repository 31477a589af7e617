package dev.vestline.support.consistency;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Runs a service's consistency check on demand; the service's security rules say who may.
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
