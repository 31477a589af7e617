package dev.vestline.console.reconciliation;

import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

import dev.vestline.console.services.ServiceProblem;

/**
 * Matches a line by hand to the subscription or invoice the person names; the match is
 * then a suggestion like any other, to accept on its page. A refusal (no such
 * subscription, another currency, the line already matched) is shown on the line's page
 * in the service's words.
 */
@Controller
@RequestMapping("/reconciliation/matches")
class ManualMatching {

	private final DeskApi api;

	ManualMatching(DeskApi api) {
		this.api = api;
	}

	@PostMapping
	ModelAndView match(@RequestParam UUID line, @RequestParam String target, @RequestParam String targetId,
			Model model) {
		try {
			UUID id = id(targetId);
			Match match = "invoice".equals(target) ? this.api.matchByHand(line, null, id)
					: this.api.matchByHand(line, id, null);
			return new ModelAndView("redirect:/reconciliation/matches/" + match.id());
		}
		catch (ServiceProblem problem) {
			problem.rethrowUnlessStatusIn(400, 409, 422);
			model.addAttribute("row", LineRow.of(this.api.line(line), this.api));
			model.addAttribute("refusal", problem);
			model.addAttribute("target", target);
			model.addAttribute("targetId", targetId);
			return new ModelAndView("reconciliation/line", model.asMap(), HttpStatus.valueOf(problem.status()));
		}
	}

	private static UUID id(@Nullable String text) {
		try {
			return UUID.fromString((text != null) ? text.strip() : "");
		}
		catch (IllegalArgumentException notAnId) {
			throw new ServiceProblem(400, "invalid-request", "Not an id",
					"A subscription or invoice id looks like 0193b7e4-1a2b-7c3d-9e4f-5a6b7c8d9e02.",
					List.of(new ServiceProblem.FieldError("targetId", "is not an id")));
		}
	}

}
