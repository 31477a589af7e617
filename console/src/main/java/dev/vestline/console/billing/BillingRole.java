package dev.vestline.console.billing;

import java.util.List;

import org.springframework.security.core.Authentication;

import dev.vestline.console.pages.Area;
import dev.vestline.console.services.ServiceProblem;
import dev.vestline.console.signin.Person;

/**
 * For the billing pages that call no API before the person acts (the invoice run's form,
 * the empty fee-schedule and fees forms): refuses them as billing-service would, so a
 * person without the role gets the forbidden page, not a form the service will refuse.
 */
final class BillingRole {

	private BillingRole() {
	}

	static void require(Authentication authentication) {
		if (!Person.of(authentication).hasAny(Area.BILLING.roles())) {
			throw new ServiceProblem(403, "forbidden", "Forbidden", "", List.of());
		}
	}

}
