package dev.vestline.console.signing;

import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import dev.vestline.console.signin.Person;

/**
 * The signing area's pages: workflows by state (keyset pages, htmx appends the next), one
 * workflow, and its PDFs streamed through with the person's token.
 */
@Controller
@RequestMapping("/signing")
class WorkflowsController {

	/** The states a person can filter by, in the order a desk cares about them. */
	static final List<String> STATES = List.of("OPEN", "COMPLETED", "DECLINED", "CANCELLED", "FAILED");

	private final SigningApi api;

	private final WorkflowPage page;

	WorkflowsController(SigningApi api, WorkflowPage page) {
		this.api = api;
		this.page = page;
	}

	@GetMapping
	String list(@RequestParam(required = false) @Nullable String state,
			@RequestParam(required = false) @Nullable UUID after,
			@RequestHeader(name = "HX-Request", required = false) @Nullable String htmx, Model model) {
		// anything else (none, or a state the list does not know): every state
		String status = (state != null && STATES.contains(state)) ? state : null;
		Workflow.Page found = this.api.workflows(status, after);
		model.addAttribute("workflows", found.items());
		model.addAttribute("next", found.next());
		model.addAttribute("state", status);
		model.addAttribute("states", STATES);
		if (htmx != null && after != null) {
			return "signing/list :: rows"; // the next page, appended by htmx
		}
		return "signing/list";
	}

	@GetMapping("/{id}")
	String workflow(@PathVariable UUID id, Authentication authentication, Model model) {
		this.page.show(id, Person.of(authentication), model);
		return WorkflowPage.VIEW;
	}

	/**
	 * The workflow read again when its page's live stream says it changed: nothing (204)
	 * when the page already shows this version; else its read-only parts, who did what,
	 * and whether the page's cancel form (rendered for {@code etag}) is now out of date.
	 */
	@GetMapping("/{id}/now")
	@Nullable String now(@PathVariable UUID id, @RequestParam String shown, @RequestParam(required = false) @Nullable String etag,
			Authentication authentication, Model model, HttpServletResponse response) {
		if (shown.equals(this.api.workflow(id).etag())) {
			response.setStatus(HttpStatus.NO_CONTENT.value());
			return null;
		}
		List<AuditEntry> audit = this.page.show(id, Person.of(authentication), model);
		model.addAttribute("live", ChangedSince.from(audit, false));
		model.addAttribute("formStale", etag != null && !etag.equals(model.getAttribute("etag")));
		return "signing/changed";
	}

	@GetMapping("/{id}/sealed.pdf")
	void sealed(@PathVariable UUID id, HttpServletResponse response) {
		this.api.streamPdf(id, "sealed-document", response);
	}

	@GetMapping("/{id}/certificate.pdf")
	void certificate(@PathVariable UUID id, HttpServletResponse response) {
		this.api.streamPdf(id, "certificate", response);
	}

	@GetMapping("/{id}/document.pdf")
	void document(@PathVariable UUID id, HttpServletResponse response) {
		this.api.streamPdf(id, "document", response);
	}

}
