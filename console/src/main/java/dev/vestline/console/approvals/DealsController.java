package dev.vestline.console.approvals;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.vestline.console.services.ServiceProblem;
import dev.vestline.console.signin.Person;

/**
 * Deals: the list with their capacity, creating one (operations), one deal with its
 * change history, and changing its capacity with a reason (operations). A change from an
 * out-of-date page (412) or below what is reserved (409) is shown on the deal's page,
 * read again, in words; a refused new deal on its form, the field marked.
 */
@Controller
@RequestMapping("/deals")
class DealsController {

	private final DealsApi api;

	DealsController(DealsApi api) {
		this.api = api;
	}

	@GetMapping
	String deals(Authentication authentication, Model model) {
		model.addAttribute("deals", this.api.deals());
		model.addAttribute("mayCreate", Person.of(authentication).has("operations"));
		return "approvals/deals";
	}

	@GetMapping("/new")
	String newDeal(Authentication authentication, Model model) {
		requireOperations(authentication);
		model.addAttribute("form", DealForm.forNewVehicle());
		model.addAttribute("key", UUID.randomUUID());
		return "approvals/new-deal";
	}

	@PostMapping
	ModelAndView create(@ModelAttribute("form") DealForm form, @RequestParam String key, Model model,
			RedirectAttributes redirect) {
		try {
			UUID created = this.api.create(form, key);
			redirect.addFlashAttribute("created", true);
			return new ModelAndView("redirect:/deals/" + created);
		}
		catch (ServiceProblem problem) {
			problem.rethrowUnlessStatusIn(400, 422);
			model.addAttribute("refusal", problem);
			model.addAttribute("key", UUID.randomUUID());
			return new ModelAndView("approvals/new-deal", model.asMap(), HttpStatus.valueOf(problem.status()));
		}
	}

	@GetMapping("/{id}")
	String deal(@PathVariable UUID id, Authentication authentication, Model model) {
		show(id, Person.of(authentication), model);
		return "approvals/deal";
	}

	@PostMapping("/{id}/capacity")
	ModelAndView changeCapacity(@PathVariable UUID id, @RequestParam String etag, @RequestParam String capacity,
			@RequestParam(required = false) @Nullable String reason, Authentication authentication, Model model,
			RedirectAttributes redirect) {
		try {
			this.api.changeCapacity(id, etag, amount(capacity), (reason != null) ? reason.strip() : "");
			redirect.addFlashAttribute("changed", true);
			return new ModelAndView("redirect:/deals/" + id);
		}
		catch (ServiceProblem problem) {
			problem.rethrowUnlessStatusIn(400, 409, 412);
			model.addAttribute("refusal", problem);
			model.addAttribute("capacity", capacity);
			model.addAttribute("reason", reason);
			show(id, Person.of(authentication), model);
			return new ModelAndView("approvals/deal", model.asMap(), HttpStatus.valueOf(problem.status()));
		}
	}

	/**
	 * The new-deal form calls no API before the person acts: a person who may not create
	 * a deal gets the forbidden page, not a form the service would refuse.
	 */
	private static void requireOperations(Authentication authentication) {
		if (!Person.of(authentication).has("operations")) {
			throw new ServiceProblem(403, "forbidden", "Forbidden", "", List.of());
		}
	}

	/** A number the service can judge; anything else is its 400, named like its own. */
	private static BigDecimal amount(String capacity) {
		try {
			return new BigDecimal(capacity.strip().replace(",", ""));
		}
		catch (NumberFormatException notANumber) {
			throw new ServiceProblem(400, "invalid-request", "Invalid request", "The capacity must be a number",
					List.of(new ServiceProblem.FieldError("capacity", "must be a number such as 5000000.00")));
		}
	}

	private void show(UUID id, Person person, Model model) {
		DealsApi.Seen seen = this.api.deal(id);
		model.addAttribute("deal", seen.deal());
		model.addAttribute("etag", seen.etag());
		model.addAttribute("changes", this.api.changes(id).reversed());
		model.addAttribute("mayChange", person.has("operations"));
	}

}
