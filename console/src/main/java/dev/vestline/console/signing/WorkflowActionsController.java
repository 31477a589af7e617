package dev.vestline.console.signing;

import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.vestline.console.services.ServiceProblem;
import dev.vestline.console.signin.Person;

/**
 * What staff do to a workflow: cancel it at the version they saw, send a signer a new
 * link, correct a signer's address. An action that was overtaken (409 no longer open or
 * not pending, 412 stale view) or refused (400, 403) is shown on the workflow's page,
 * read again, in words.
 */
@Controller
@RequestMapping("/signing/{id}")
class WorkflowActionsController {

	private final SigningApi api;

	private final WorkflowPage page;

	WorkflowActionsController(SigningApi api, WorkflowPage page) {
		this.api = api;
		this.page = page;
	}

	@PostMapping("/cancel")
	ModelAndView cancel(@PathVariable UUID id, @RequestParam String etag,
			@RequestParam(defaultValue = "") String reason, Authentication authentication, Model model,
			RedirectAttributes redirect) {
		return act(id, authentication, model, redirect, "cancelled", () -> this.api.cancel(id, etag, reason.strip()));
	}

	@PostMapping("/signers/{role}/link")
	ModelAndView newLink(@PathVariable UUID id, @PathVariable String role, Authentication authentication, Model model,
			RedirectAttributes redirect) {
		return act(id, authentication, model, redirect, "link-sent:" + role, () -> this.api.newLink(id, role));
	}

	@PostMapping("/signers/{role}/contact")
	ModelAndView correctAddress(@PathVariable UUID id, @PathVariable String role,
			@RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String email,
			Authentication authentication, Model model, RedirectAttributes redirect) {
		model.addAttribute("correcting", role);
		model.addAttribute("email", email);
		return act(id, authentication, model, redirect, "address-corrected:" + role,
				() -> this.api.correctAddress(id, role, name.strip(), email.strip()));
	}

	/**
	 * Where an action lands when it is replayed as a GET (after the person was signed in
	 * again, without its form): nothing was done; the page lets them do it again.
	 */
	@GetMapping({ "/cancel", "/signers/{role}/link", "/signers/{role}/contact" })
	String afterSigningInAgain(@PathVariable UUID id) {
		return "redirect:/signing/" + id;
	}

	private ModelAndView act(UUID id, Authentication authentication, Model model, RedirectAttributes redirect,
			String done, Runnable action) {
		try {
			action.run();
			redirect.addFlashAttribute("done", done);
			return new ModelAndView("redirect:/signing/" + id);
		}
		catch (ServiceProblem problem) {
			if (problem.status() == 412 || problem.status() == 409) {
				model.addAttribute("changed", ChangedSince.from(this.api.audit(id), problem.status() == 409));
				model.addAttribute("refusal", problem);
			}
			else if (problem.status() == 400 || problem.status() == 403) {
				model.addAttribute("refusal", problem);
			}
			else {
				throw problem;
			}
			this.page.show(id, Person.of(authentication), model);
			return new ModelAndView(WorkflowPage.VIEW, model.asMap(), HttpStatus.valueOf(problem.status()));
		}
	}

}
