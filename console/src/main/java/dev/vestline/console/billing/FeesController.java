package dev.vestline.console.billing;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A subscription's fees (the only filter the API has), oldest first, in keyset pages:
 * "Show more fees" appends the next page in place with htmx.
 */
@Controller
class FeesController {

	private final FeesApi api;

	FeesController(FeesApi api) {
		this.api = api;
	}

	@GetMapping("/billing/fees")
	String fees(@RequestParam(required = false) @Nullable UUID subscription,
			@RequestParam(required = false) @Nullable UUID after,
			@RequestHeader(name = "HX-Request", required = false) @Nullable String htmx, Authentication authentication,
			Model model) {
		model.addAttribute("subscription", subscription);
		if (subscription == null) {
			BillingRole.require(authentication);
			return "billing/fees";
		}
		Fee.Page page = this.api.fees(subscription, after);
		model.addAttribute("fees", page.items());
		model.addAttribute("next", page.next());
		return (htmx != null && after != null) ? "billing/fees :: rows" : "billing/fees";
	}

}
