package dev.vestline.console.operations;

import java.util.List;

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
 * A service's dead letters per topic, their replay and their discard. Both need a reason
 * (the service's audit keeps it). A discard the service refuses (409: not the first
 * pending letter of its partition, a replay running) or a missing reason (400) is told in
 * words on the page, read again.
 */
@Controller
@RequestMapping("/operations/{service}/dead-letters")
class DeadLettersController {

	private final OperationsApi api;

	DeadLettersController(OperationsApi api) {
		this.api = api;
	}

	@GetMapping
	String list(@PathVariable String service, Model model) {
		show(OperationsRole.service(service), model);
		return "operations/dead-letters";
	}

	@PostMapping("/{deadLetterTopic}/replay")
	ModelAndView replay(@PathVariable String service, @PathVariable String deadLetterTopic,
			@RequestParam(required = false) @Nullable String reason, Model model, RedirectAttributes redirect) {
		Service known = OperationsRole.service(service);
		try {
			requireReason(reason, "Say why they are replayed now (the cause fixed, say): it stays in the audit.");
			DeadLetter.Replay replay = this.api.replay(known, deadLetterTopic, reason);
			redirect.addFlashAttribute("done", "You replayed " + replay.replayed().size() + " dead "
					+ ((replay.replayed().size() == 1) ? "letter" : "letters") + " of " + deadLetterTopic + ".");
			return new ModelAndView("redirect:/operations/" + known.path() + "/dead-letters");
		}
		catch (ServiceProblem problem) {
			return refused(known, deadLetterTopic, "replay", problem, reason, model);
		}
	}

	@PostMapping("/{deadLetterTopic}/discard")
	ModelAndView discard(@PathVariable String service, @PathVariable String deadLetterTopic,
			@RequestParam int partition, @RequestParam long offset,
			@RequestParam(required = false) @Nullable String reason, Model model, RedirectAttributes redirect) {
		Service known = OperationsRole.service(service);
		try {
			requireReason(reason, "Say why this record will never be replayed: it stays in the audit.");
			DeadLetter discarded = this.api.discard(known, deadLetterTopic, partition, offset, reason);
			redirect.addFlashAttribute("done", "You discarded " + discarded.eventInWords() + ".");
			return new ModelAndView("redirect:/operations/" + known.path() + "/dead-letters");
		}
		catch (ServiceProblem problem) {
			return refused(known, deadLetterTopic, partition + "-" + offset, problem, reason, model);
		}
	}

	private static void requireReason(@Nullable String reason, String why) {
		if (reason == null || reason.isBlank()) {
			throw new ServiceProblem(400, "invalid-request", "A reason is needed", why,
					List.of(new ServiceProblem.FieldError("reason", "is required")));
		}
	}

	private ModelAndView refused(Service service, String deadLetterTopic, String form, ServiceProblem problem,
			@Nullable String reason, Model model) {
		problem.rethrowUnlessStatusIn(400, 409);
		show(service, model);
		model.addAttribute("refusal", Refusal.of(problem));
		model.addAttribute("refusedTopic", deadLetterTopic);
		model.addAttribute("refusedForm", form);
		model.addAttribute("reason", reason);
		return new ModelAndView("operations/dead-letters", model.asMap(), HttpStatus.valueOf(problem.status()));
	}

	private void show(Service service, Model model) {
		List<Topic> topics = this.api.topics(service)
			.stream()
			.map((count) -> new Topic(count, this.api.pending(service, count.deadLetterTopic())))
			.toList();
		model.addAttribute("service", service);
		model.addAttribute("topics", topics);
	}

	/**
	 * A dead-letter topic with its first pending letters.
	 *
	 * @param count the topic, its group and how many wait
	 * @param pending the first of them
	 */
	record Topic(ServiceStatus.DeadLetterCount count, DeadLetter.Pending pending) {
	}

	/**
	 * Why an action on a dead letter did not happen, in words.
	 *
	 * @param title the heading
	 * @param words what happened and what to do
	 * @param serviceSaid the service's own detail
	 * @param reasonMissing whether the reason field is what is wrong
	 */
	record Refusal(String title, String words, String serviceSaid, boolean reasonMissing) {

		static Refusal of(ServiceProblem problem) {
			return switch (problem.slug()) {
				case "not-first-pending" -> new Refusal("Not discarded: not the first dead letter of its partition",
						"Dead letters are discarded in order, the first pending one of each partition first, so "
								+ "that none is passed over unseen. Someone may have replayed or discarded dead letters "
								+ "since this page was read. Nothing was discarded; below are the dead letters as they "
								+ "are now.",
						problem.detail(), false);
				case "replay-running" -> new Refusal("A replay of this topic is running",
						"Only one replay or discard of a topic runs at a time, across every instance of the service. "
								+ "Nothing was done; try again in a moment.",
						problem.detail(), false);
				default -> new Refusal(problem.title(), "Nothing was done.", problem.detail(),
						problem.errorFor("reason") != null);
			};
		}

	}

}
