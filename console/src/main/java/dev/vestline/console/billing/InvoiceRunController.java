package dev.vestline.console.billing;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import dev.vestline.console.services.ServiceProblem;

/**
 * The invoice run: started from a form whose idempotency key makes a second click (or a
 * resent form) get the first run's answer. billing-service runs it within the request and
 * has no run resource to poll, so the page shows it running while the request is out
 * (htmx's request indicator) and what it did when it answers.
 */
@Controller
@RequestMapping("/billing/invoice-runs")
class InvoiceRunController {

	private final InvoicesApi api;

	InvoiceRunController(InvoicesApi api) {
		this.api = api;
	}

	@GetMapping
	String page(Authentication authentication, Model model) {
		BillingRole.require(authentication);
		model.addAttribute("key", UUID.randomUUID());
		model.addAttribute("swapKey", false);
		return "billing/invoice-run";
	}

	@PostMapping
	String run(@RequestParam String key, @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx,
			Model model) {
		model.addAttribute("key", UUID.randomUUID());
		try {
			model.addAttribute("result", this.api.run(key));
		}
		catch (ServiceProblem problem) {
			if (htmx == null) {
				throw problem; // a page of its own, in words
			}
			// htmx swaps only a 2xx answer: the refusal goes where the result would have
			model.addAttribute("refusal", problem);
		}
		model.addAttribute("swapKey", htmx != null);
		return (htmx != null) ? "billing/invoice-run :: result" : "billing/invoice-run";
	}

}
