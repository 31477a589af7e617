package dev.vestline.console.approvals;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.vestline.console.services.ServiceProblem;
import dev.vestline.console.signin.Person;

/**
 * The approvals area: the queue, one approval, and a decision on its current step. A
 * decision that was overtaken (409 lost race, 412 stale view) or refused (403 four eyes,
 * 400 no reason) is shown on the approval's page, read again, in words.
 */
@Controller
@RequestMapping("/approvals")
class ApprovalsController {

	private final ApprovalsApi api;

	private final Clock clock;

	ApprovalsController(ApprovalsApi api, Clock clock) {
		this.api = api;
		this.clock = clock;
	}

	@GetMapping
	String queue(@RequestParam(required = false) @Nullable UUID deal,
			@RequestParam(required = false) QueueFilter.@Nullable Kind kind,
			@RequestParam(required = false) QueueFilter.@Nullable Waiting waiting,
			@RequestParam(defaultValue = "false") boolean mine, @RequestParam(required = false) @Nullable UUID after,
			@RequestHeader(name = "HX-Request", required = false) @Nullable String htmx, Authentication authentication,
			Model model) {
		rows(new QueueFilter(deal, kind, waiting, mine), after, Person.of(authentication), model);
		if (htmx != null && after != null) {
			return "approvals/queue :: rows"; // the next page, appended by htmx
		}
		model.addAttribute("deals", this.api.deals());
		model.addAttribute("kinds", QueueFilter.Kind.values());
		model.addAttribute("waitings", QueueFilter.Waiting.values());
		return "approvals/queue";
	}

	/**
	 * The queue's first page read again when its live stream says an approval changed:
	 * nothing (204) when the page already shows these approvals in these versions.
	 */
	@GetMapping("/now")
	@Nullable String queueNow(@RequestParam(required = false) @Nullable UUID deal,
			@RequestParam(required = false) QueueFilter.@Nullable Kind kind,
			@RequestParam(required = false) QueueFilter.@Nullable Waiting waiting,
			@RequestParam(defaultValue = "false") boolean mine, @RequestParam String shown,
			Authentication authentication, Model model, HttpServletResponse response) {
		if (shown.equals(rows(new QueueFilter(deal, kind, waiting, mine), null, Person.of(authentication), model))) {
			response.setStatus(HttpStatus.NO_CONTENT.value());
			return null;
		}
		return "approvals/queue-changed";
	}

	/**
	 * @return what the rows are: each approval's id and version, so that a page can tell
	 * whether it still shows them
	 */
	private String rows(QueueFilter filter, @Nullable UUID after, Person person, Model model) {
		Instant now = this.clock.instant();
		Approval.Page page = this.api.pending(filter, now, after);
		Map<UUID, Deal> deals = new HashMap<>();
		List<QueueRow> rows = page.items()
			.stream()
			.map((approval) -> new QueueRow(approval, deals.computeIfAbsent(approval.dealId(), this.api::deal),
					approval.decidableBy(person), QueueRow.age(approval.requestedAt(), now)))
			.toList();
		String shown = page.items()
			.stream()
			.map((approval) -> approval.id() + "@" + approval.version())
			.collect(Collectors.joining(","));
		model.addAttribute("rows", rows);
		model.addAttribute("next", page.next());
		model.addAttribute("older", (page.next() != null) ? filter.link("/approvals", page.next()) : null);
		model.addAttribute("queueNow", filter.link("/approvals/now", null));
		model.addAttribute("deal", filter.deal());
		model.addAttribute("kind", filter.kind());
		model.addAttribute("waiting", filter.waiting());
		model.addAttribute("mine", filter.mine());
		model.addAttribute("shown", shown);
		return shown;
	}

	@GetMapping("/{id}")
	String approval(@PathVariable UUID id, Authentication authentication, Model model) {
		show(id, Person.of(authentication), model);
		return "approvals/approval";
	}

	/**
	 * The approval read again when its page's live stream says it changed: nothing (204)
	 * when the page already shows this version; else its read-only parts, who changed it,
	 * and whether the page's decision form (rendered for {@code etag}) is now out of
	 * date.
	 */
	@GetMapping("/{id}/now")
	@Nullable String now(@PathVariable UUID id, @RequestParam String shown, @RequestParam(required = false) @Nullable String etag,
			Authentication authentication, Model model, HttpServletResponse response) {
		if (shown.equals(this.api.approval(id).etag())) {
			response.setStatus(HttpStatus.NO_CONTENT.value());
			return null;
		}
		List<HistoryEntry> history = show(id, Person.of(authentication), model);
		model.addAttribute("live", Overtaken.from(history, false));
		model.addAttribute("formStale", etag != null && !etag.equals(model.getAttribute("etag")));
		return "approvals/changed";
	}

	@PostMapping("/{id}/decision")
	ModelAndView decide(@PathVariable UUID id, @RequestParam String etag, @RequestParam String decision,
			@RequestParam(required = false) @Nullable String reason, Authentication authentication, Model model,
			RedirectAttributes redirect) {
		String verdict = "REJECT".equals(decision) ? "REJECT" : "APPROVE";
		try {
			this.api.decide(id, etag, verdict, reason);
			redirect.addFlashAttribute("decided", verdict);
			return new ModelAndView("redirect:/approvals/" + id);
		}
		catch (ServiceProblem problem) {
			if (problem.status() == 412 || (problem.status() == 409
					&& ("lost-race".equals(problem.slug()) || "already-decided".equals(problem.slug())))) {
				model.addAttribute("overtaken", Overtaken.from(this.api.history(id), problem.status() == 409));
			}
			else if (problem.status() == 400 || problem.status() == 403 || problem.status() == 409) {
				model.addAttribute("refusal", problem);
				model.addAttribute("reason", reason);
			}
			else {
				throw problem;
			}
			show(id, Person.of(authentication), model);
			return new ModelAndView("approvals/approval", model.asMap(), HttpStatus.valueOf(problem.status()));
		}
	}

	/**
	 * Where a decision lands when it is replayed as a GET: after the person was sent
	 * through the provider again (their token had expired), the saved request is replayed
	 * without its form. Nothing was decided; the approval's page lets them decide again.
	 */
	@GetMapping("/{id}/decision")
	String afterSigningInAgain(@PathVariable UUID id) {
		return "redirect:/approvals/" + id;
	}

	private List<HistoryEntry> show(UUID id, Person person, Model model) {
		ApprovalsApi.Seen seen = this.api.approval(id);
		List<HistoryEntry> history = this.api.history(id);
		model.addAttribute("approval", seen.approval());
		model.addAttribute("etag", seen.etag());
		model.addAttribute("deal", this.api.deal(seen.approval().dealId()));
		model.addAttribute("history", history);
		model.addAttribute("yours", seen.approval().decidableBy(person));
		return history;
	}

}
