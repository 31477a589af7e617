package dev.vestline.console.approvals;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.vestline.console.services.ServiceProblem;

/**
 * Enters a subscription on an investor's behalf, as a back office does with the signed
 * subscription form that came in by mail or post: approval-service lets every staff role
 * request an approval (and an investor only their own). The one who enters it cannot
 * decide it (four eyes, the service's rule). A refusal is shown on the form, the field
 * marked.
 */
@Controller
@RequestMapping("/approvals")
class SubscriptionRequestsController {

	private final ApprovalsApi api;

	SubscriptionRequestsController(ApprovalsApi api) {
		this.api = api;
	}

	@GetMapping("/new")
	String form(@RequestParam(required = false) @Nullable UUID deal, Model model) {
		model.addAttribute("form", SubscriptionRequest.empty(deal));
		return show(model);
	}

	@PostMapping
	ModelAndView request(@ModelAttribute("form") SubscriptionRequest form, @RequestParam String key, Model model,
			RedirectAttributes redirect) {
		try {
			UUID approval = this.api.request(form, key);
			redirect.addFlashAttribute("requested", true);
			return new ModelAndView("redirect:/approvals/" + approval);
		}
		catch (ServiceProblem problem) {
			problem.rethrowUnlessStatusIn(400, 409, 422);
			model.addAttribute("refusal", problem);
			return new ModelAndView(show(model), model.asMap(), HttpStatus.valueOf(problem.status()));
		}
	}

	/** The form with the deals to choose from and a key of its own for this sending. */
	private String show(Model model) {
		model.addAttribute("deals", this.api.deals());
		model.addAttribute("key", UUID.randomUUID());
		model.addAttribute("apiFields", SubscriptionRequest.API_FIELDS);
		return "approvals/new-subscription";
	}

}
