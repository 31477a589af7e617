package dev.vestline.console.signing;

import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

import dev.vestline.console.signin.Person;

/**
 * What a workflow's page shows, read fresh: the workflow with its ETag, its audit log,
 * and whether the person's roles may act on it.
 */
@Component
class WorkflowPage {

	/** The workflow's template. */
	static final String VIEW = "signing/workflow";

	private final SigningApi api;

	WorkflowPage(SigningApi api) {
		this.api = api;
	}

	/**
	 * @return the audit log shown
	 */
	List<AuditEntry> show(UUID id, Person person, Model model) {
		SigningApi.Seen seen = this.api.workflow(id);
		List<AuditEntry> audit = this.api.audit(id);
		model.addAttribute("workflow", seen.workflow());
		model.addAttribute("etag", seen.etag());
		model.addAttribute("audit", audit);
		// signature-service lets these roles cancel and send links; approvers only read
		model.addAttribute("mayAct", person.has("compliance") || person.has("operations"));
		return audit;
	}

}
