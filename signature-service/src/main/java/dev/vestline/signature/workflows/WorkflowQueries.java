package dev.vestline.signature.workflows;

import java.util.List;
import java.util.UUID;

import dev.vestline.signature.audit.AuditLog;
import dev.vestline.signature.signing.Signers;
import dev.vestline.support.domain.NotFound;

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

	List<AuditLog.Entry> audit(UUID id) {
		view(id);
		return this.audit.of(id);
	}

}
