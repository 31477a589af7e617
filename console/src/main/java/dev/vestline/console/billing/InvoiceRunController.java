package dev.vestline.console.billing;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import dev.vestline.console.services.ServiceProblem;

/**
 * The invoice run: started from a form whose idempotency key makes a second click (or a
 * resent form) get the same run. billing-service answers at once and runs it in the
 * background; the page shows the run and, while it goes, htmx asks for its progress every
 * two seconds (groups billed of all) until it finished. The recent runs, the nightly
 * schedule's too, are listed below.
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
		model.addAttribute("runs", this.api.recentRuns());
		return "billing/invoice-run";
	}

	@PostMapping
	String start(@RequestParam String key, @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx,
			Model model) {
		if (htmx == null) {
			// without htmx: the run's own page, which the browser may reload
			return "redirect:/billing/invoice-runs/" + this.api.startRun(key).id();
		}
		model.addAttribute("key", UUID.randomUUID());
		model.addAttribute("swapKey", true);
		try {
			model.addAttribute("run", this.api.startRun(key));
		}
		catch (ServiceProblem problem) {
			// htmx swaps only a 2xx answer: the refusal goes where the run would have
			model.addAttribute("refusal", problem);
		}
		return "billing/invoice-run :: result";
	}

	@GetMapping("/{id}")
	String run(@PathVariable UUID id, @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx,
			Authentication authentication, Model model) {
		model.addAttribute("run", this.api.run(id));
		if (htmx != null) {
			return "billing/invoice-run :: run";
		}
		BillingRole.require(authentication);
		model.addAttribute("key", UUID.randomUUID());
		model.addAttribute("swapKey", false);
		model.addAttribute("runs", this.api.recentRuns());
		return "billing/invoice-run";
	}

}
