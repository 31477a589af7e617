package dev.vestline.support.operations;

import java.util.List;

import dev.vestline.support.domain.InvalidInput;
import org.jspecify.annotations.Nullable;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The operators' view of a service, served by every service under
 * {@code /api/v1/operations} for the {@code operations} role: how it stands now, and the
 * audit of what operators did to it.
 */
@RestController
@RequestMapping("/api/v1/operations")
class OperationsController {

	private static final int MAX_PAGE = 100;

	private final OperationsStatus status;

	private final OperatorActions actions;

	OperationsController(OperationsStatus status, OperatorActions actions) {
		this.status = status;
		this.actions = actions;
	}

	@GetMapping("/status")
	OperationsStatus.Status status() {
		return this.status.read();
	}

	@GetMapping("/actions")
	Page actions(@RequestParam(required = false) @Nullable Long after, @RequestParam(defaultValue = "20") int limit) {
		if (limit < 1 || limit > MAX_PAGE) {
			throw InvalidInput.field("limit", "must be between 1 and " + MAX_PAGE);
		}
		if (after != null && after < 1) {
			throw InvalidInput.field("after", "must be the id of an action, 1 or more");
		}
		List<OperatorAction> found = this.actions.page(after, limit + 1);
		List<OperatorAction> items = (found.size() > limit) ? found.subList(0, limit) : found;
		String next = (found.size() > limit) ? String.valueOf(items.getLast().id()) : null;
		return new Page(items, next);
	}

	/**
	 * Operator actions, newest first.
	 *
	 * @param items this page
	 * @param next the cursor of the next (older) page ({@code after}), absent on the last
	 */
	record Page(List<OperatorAction> items, @Nullable String next) {
	}

}
