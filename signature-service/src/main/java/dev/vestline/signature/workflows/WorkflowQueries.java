package dev.vestline.signature.workflows;

import java.util.List;
import java.util.UUID;

import dev.vestline.signature.audit.AuditLog;
import dev.vestline.signature.signing.Signers;
import dev.vestline.support.domain.NotFound;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads workflows for staff, each with its signer requests, in one read-only transaction.
 */
@Component
@Transactional(readOnly = true)
class WorkflowQueries {

	private final Workflows workflows;

	private final Signers signers;

	private final AuditLog audit;

	WorkflowQueries(Workflows workflows, Signers signers, AuditLog audit) {
		this.workflows = workflows;
		this.signers = signers;
		this.audit = audit;
	}

	WorkflowView view(UUID id) {
		SigningWorkflow workflow = this.workflows.find(id)
			.orElseThrow(() -> new NotFound("No signing workflow " + id + "."));
		return WorkflowView.of(workflow, this.signers.of(id));
	}

	List<WorkflowView> ofApproval(UUID approvalId) {
		return this.workflows.ofApproval(approvalId)
			.stream()
			.map((workflow) -> WorkflowView.of(workflow, this.signers.of(workflow.id())))
			.toList();
	}

	/**
	 * @param limit at most this many; one more is read to know whether a next page exists
	 */
	WorkflowView.Page page(@Nullable WorkflowStatus status, @Nullable UUID after, int limit) {
		List<SigningWorkflow> found = this.workflows.page(status, after, limit + 1);
		List<WorkflowView> items = found.stream()
			.limit(limit)
			.map((workflow) -> WorkflowView.of(workflow, this.signers.of(workflow.id())))
			.toList();
		String next = (found.size() > limit) ? found.get(limit - 1).id().toString() : null;
		return new WorkflowView.Page(items, next);
	}

	List<AuditLog.Entry> audit(UUID id) {
		view(id);
		return this.audit.of(id);
	}

}
