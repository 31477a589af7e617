package dev.vestline.console.operations;

import java.util.List;

import org.springframework.security.core.Authentication;

import dev.vestline.console.pages.Area;
import dev.vestline.console.services.ServiceProblem;
import dev.vestline.console.signin.Person;

/**
 * The overview asks four services and shows each one's failure on its card; a person
 * without the operations role gets the forbidden page instead, as every service would
 * refuse them.
 */
final class OperationsRole {

	private OperationsRole() {
	}

	static void require(Authentication authentication) {
		if (!Person.of(authentication).hasAny(Area.OPERATIONS.roles())) {
			throw new ServiceProblem(403, "forbidden", "Forbidden", "", List.of());
		}
	}

	static Service service(String path) {
		return Service.of(path)
			.orElseThrow(
					() -> new ServiceProblem(404, "not-found", "Not found",
							"There is no service called " + path
									+ "; the console knows approval, signature, billing and " + "reconciliation.",
							List.of()));
	}

}
