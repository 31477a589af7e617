package dev.vestline.signature.workflows;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.uuid.Generators;
import dev.vestline.events.approval.ApprovalCancellationRequested;
import dev.vestline.events.approval.ApprovalGranted;
import dev.vestline.events.approval.ApprovalKind;
import dev.vestline.events.signature.DocumentKind;
import dev.vestline.events.signature.Signer;
import dev.vestline.messaging.EventContext;
import dev.vestline.signature.parties.Party;
import dev.vestline.signature.parties.PartyRole;
import dev.vestline.signature.parties.SignerContacts;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Stores a grant's workflow, once per grant (the unique indexes on the workflow table
 * decide between concurrent deliveries): open, with its document and invitations, or
 * failed with the reason, in the grant's flow.
 */
@Component
class NewWorkflows {

	private static final Logger logger = LoggerFactory.getLogger(NewWorkflows.class);

	private final Workflows workflows;

	private final DocumentIssue issue;

	private final WorkflowOutcomes outcomes;

	private final SignerContacts contacts;

	private final Clock clock;

	NewWorkflows(Workflows workflows, DocumentIssue issue, WorkflowOutcomes outcomes, SignerContacts contacts,
			Clock clock) {
		this.workflows = workflows;
		this.issue = issue;
		this.outcomes = outcomes;
		this.contacts = contacts;
		this.clock = clock;
	}

	void open(ApprovalGranted grant, DocumentKind kind, PartyRole role, Party party, List<Signer> signers) {
		SigningWorkflow workflow = workflow(grant, kind, WorkflowStatus.OPEN, null, 1);
		if (!this.workflows.insert(workflow)) {
			logger.info("Approval {} already has a signing workflow for this grant", grant.approvalId());
			return;
		}
		// before the invitations: their mails go to these addresses
		this.contacts.opened(workflow.id(), grant.investor(), role, party);
		this.issue.issue(workflow, signers, null);
		this.outcomes.opened(workflow, grant, kind, signers);
	}

	void fail(ApprovalGranted grant, DocumentKind kind, String cause, String reason) {
		SigningWorkflow workflow = workflow(grant, kind, WorkflowStatus.FAILED, reason, 0);
		if (this.workflows.insert(workflow)) {
			this.outcomes.failed(workflow, reason, workflow.createdAt(), cause);
		}
	}

	void neverOpened(ApprovalCancellationRequested request, String reason) {
		DocumentKind kind = (request.kind() == ApprovalKind.SUBSCRIPTION) ? DocumentKind.SUBSCRIPTION_PACK
				: DocumentKind.NDA;
		UUID id = Generators.timeBasedEpochGenerator().generate();
		Instant now = this.clock.instant();
		SigningWorkflow workflow = new SigningWorkflow(id, request.approvalId(), request.grantedAt(), kind,
				request.dealId(), request.vehicleId(), request.investorId(), request.subscriptionId(), null,
				WorkflowStatus.FAILED, reason, 1, null, 0, 0, now, null, null, null, correlationId());
		if (this.workflows.insert(workflow)) {
			this.outcomes.failed(workflow, reason, now, "cancelled_before_opening");
		}
	}

	/** The grant's flow, or a new one when the grant came without. */
	private static String correlationId() {
		String current = EventContext.current().correlationId();
		return (current != null) ? current : Generators.timeBasedEpochGenerator().generate().toString();
	}

	private SigningWorkflow workflow(ApprovalGranted grant, DocumentKind kind, WorkflowStatus status,
			@Nullable String reason, int documentVersion) {
		UUID id = Generators.timeBasedEpochGenerator().generate();
		Instant now = this.clock.instant();
		return new SigningWorkflow(id, grant.approvalId(), grant.grantedAt(), kind, grant.dealId(), grant.vehicleId(),
				grant.investorId(), grant.subscriptionId(), grant.amount(), status, reason, 1, null, documentVersion, 0,
				now, null, null, null, correlationId());
	}

}
