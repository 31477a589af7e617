package dev.vestline.console.billing;

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

/**
 * Fee schedules: found by vehicle (the API lists none), created with an idempotency key,
 * changed with the ETag read. The service judges every field; what it refuses is marked
 * on that field, and a change from an out-of-date page (412) is shown with the schedule
 * as it is now.
 */
@Controller
@RequestMapping("/billing/fee-schedules")
class FeeSchedulesController {

	private final FeesApi api;

	FeeSchedulesController(FeesApi api) {
		this.api = api;
	}

	@GetMapping
	String schedules(@RequestParam(required = false) @Nullable UUID vehicle, Authentication authentication,
			Model model) {
		BillingRole.require(authentication);
		if (vehicle != null) {
			return "redirect:/billing/fee-schedules/" + vehicle;
		}
		model.addAttribute("form", ScheduleForm.empty(null));
		model.addAttribute("key", UUID.randomUUID());
		return "billing/fee-schedules";
	}

	@GetMapping("/{vehicle}")
	ModelAndView schedule(@PathVariable UUID vehicle, Model model) {
		try {
			FeesApi.Seen seen = this.api.schedule(vehicle);
			model.addAttribute("form", ScheduleForm.of(seen.schedule()));
			return show(seen, model, HttpStatus.OK);
		}
		catch (ServiceProblem problem) {
			problem.rethrowUnlessStatusIn(404);
			model.addAttribute("missing", vehicle);
			model.addAttribute("form", ScheduleForm.empty(vehicle));
			model.addAttribute("key", UUID.randomUUID());
			return new ModelAndView("billing/fee-schedules", model.asMap(), HttpStatus.NOT_FOUND);
		}
	}

	@PostMapping
	ModelAndView create(@ModelAttribute("form") ScheduleForm form, @RequestParam String key, Model model,
			RedirectAttributes redirect) {
		try {
			this.api.create(form, key);
			redirect.addFlashAttribute("done", "created");
			return new ModelAndView("redirect:/billing/fee-schedules/" + form.vehicleId());
		}
		catch (ServiceProblem problem) {
			problem.rethrowUnlessStatusIn(400, 409);
			model.addAttribute("refusal", problem);
			model.addAttribute("key", UUID.randomUUID());
			return new ModelAndView("billing/fee-schedules", model.asMap(), HttpStatus.valueOf(problem.status()));
		}
	}

	@PostMapping("/{vehicle}")
	ModelAndView change(@PathVariable UUID vehicle, @RequestParam String etag,
			@ModelAttribute("form") ScheduleForm form, Model model, RedirectAttributes redirect) {
		try {
			this.api.change(vehicle, etag, form);
			redirect.addFlashAttribute("done", "changed");
			return new ModelAndView("redirect:/billing/fee-schedules/" + vehicle);
		}
		catch (ServiceProblem problem) {
			problem.rethrowUnlessStatusIn(400, 412);
			model.addAttribute("refusal", problem);
			return show(this.api.schedule(vehicle), model, HttpStatus.valueOf(problem.status()));
		}
	}

	private static ModelAndView show(FeesApi.Seen seen, Model model, HttpStatus status) {
		model.addAttribute("schedule", seen.schedule());
		model.addAttribute("etag", seen.etag());
		return new ModelAndView("billing/fee-schedule", model.asMap(), status);
	}

}
