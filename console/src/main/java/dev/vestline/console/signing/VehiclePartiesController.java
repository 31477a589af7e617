package dev.vestline.console.signing;

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
 * Who signs for a vehicle besides the investor: its arranger and counterparty, and for
 * operations the form that sets one (a subscription granted before its vehicle has an
 * arranger cannot be signed, and approval-service reopens it). A refused party is shown
 * on the form, the field marked.
 */
@Controller
@RequestMapping("/signing/vehicles")
class VehiclePartiesController {

	private final VehicleParties parties;

	VehiclePartiesController(VehicleParties parties) {
		this.parties = parties;
	}

	@GetMapping
	String find(@RequestParam(required = false) @Nullable UUID vehicle) {
		return (vehicle != null) ? "redirect:/signing/vehicles/" + vehicle : "redirect:/signing";
	}

	@GetMapping("/{vehicle}")
	String vehicle(@PathVariable UUID vehicle, Authentication authentication, Model model) {
		model.addAttribute("form", new VehicleParties.Party(null, null, null));
		model.addAttribute("role", "ARRANGER");
		return show(vehicle, authentication, model);
	}

	@PostMapping("/{vehicle}")
	ModelAndView set(@PathVariable UUID vehicle, @RequestParam String role,
			@ModelAttribute("form") VehicleParties.Party party, Authentication authentication, Model model,
			RedirectAttributes redirect) {
		try {
			this.parties.set(vehicle, role, party);
			redirect.addFlashAttribute("set", role);
			return new ModelAndView("redirect:/signing/vehicles/" + vehicle);
		}
		catch (ServiceProblem problem) {
			problem.rethrowUnlessStatusIn(400);
			model.addAttribute("refusal", problem);
			model.addAttribute("role", role);
			return new ModelAndView(show(vehicle, authentication, model), model.asMap(), HttpStatus.BAD_REQUEST);
		}
	}

	private String show(UUID vehicle, Authentication authentication, Model model) {
		model.addAttribute("vehicle", vehicle);
		model.addAttribute("parties", this.parties.of(vehicle));
		model.addAttribute("roles", VehicleParties.ROLES);
		model.addAttribute("maySet", Person.of(authentication).has("operations"));
		return "signing/vehicle";
	}

}
