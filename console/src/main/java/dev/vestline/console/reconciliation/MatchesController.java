package dev.vestline.console.reconciliation;

import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
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

/**
 * Matches: those of a status, one match with its line and target, accepting, rejecting
 * and reversing it with the ETag the page was rendered with. A decision someone else made
 * first (409, 412) is told by who made it, on the match's page read again; any other
 * refusal in the service's words.
 */
@Controller
@RequestMapping("/reconciliation/matches")
class MatchesController {

	private final DeskApi api;

	MatchesController(DeskApi api) {
		this.api = api;
	}

	@GetMapping
	String list(@RequestParam(defaultValue = "ACCEPTED") String status,
			@RequestParam(required = false) @Nullable UUID after, Model model) {
		Match.Page page = this.api.matches(status, after);
		model.addAttribute("matches", page.items());
		model.addAttribute("next", page.next());
		model.addAttribute("status", status);
		return "reconciliation/matches";
	}

	@GetMapping("/{id}")
	String match(@PathVariable UUID id, Model model) {
		show(id, model);
		return "reconciliation/match";
	}

	@PostMapping("/{id}/{decision:accept|reject|reverse}")
	ModelAndView decide(@PathVariable UUID id, @PathVariable String decision, @RequestParam String etag,
			@RequestParam(required = false) @Nullable String reason, Model model, RedirectAttributes redirect) {
		try {
			if ("reverse".equals(decision) && (reason == null || reason.isBlank())) {
				throw new ServiceProblem(400, "invalid-request", "A reason is needed",
						"Say why the match is reversed: it stays in the match's history.",
						List.of(new ServiceProblem.FieldError("reason", "is required to reverse")));
			}
			this.api.decide(id, decision, etag, reason);
			redirect.addFlashAttribute("decided", decision);
			return new ModelAndView("redirect:/reconciliation/matches/" + id);
		}
		catch (ServiceProblem problem) {
			problem.rethrowUnlessStatusIn(400, 409, 412);
			Match current = show(id, model);
			Overtaken overtaken = (problem.status() == 400) ? null
					: Overtaken.of(current, "reverse".equals(decision) ? "ACCEPTED" : "SUGGESTED", problem.status());
			model.addAttribute((overtaken != null) ? "overtaken" : "refusal",
					(overtaken != null) ? overtaken : problem);
			model.addAttribute("reason", reason);
			return new ModelAndView("reconciliation/match", model.asMap(), HttpStatus.valueOf(problem.status()));
		}
	}

	private Match show(UUID id, Model model) {
		DeskApi.Seen seen = this.api.match(id);
		Match match = seen.match();
		model.addAttribute("match", match);
		model.addAttribute("etag", seen.etag());
		model.addAttribute("line", this.api.line(match.bankTransactionId()));
		model.addAttribute("funding",
				(match.subscriptionId() != null) ? this.api.subscription(match.subscriptionId()) : null);
		return match;
	}

}
