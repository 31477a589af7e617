package dev.vestline.signature.workflows;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.uuid.Generators;
import dev.vestline.events.approval.ApprovalCancellationRequested;
import dev.vestline.events.approval.ApprovalGranted;
import dev.vestline.events.approval.ApprovalKind;
import dev.vestline.events.signature.DocumentKind;
import dev.vestline.events.signature.Signer;
import dev.vestline.events.signature.SigningWorkflowCreated;
import dev.vestline.events.signature.SigningWorkflowFailed;
import dev.vestline.messaging.EventContext;
import dev.vestline.signature.parties.Party;
import dev.vestline.signature.parties.PartyRole;
import dev.vestline.signature.parties.SignerContacts;
import dev.vestline.signature.parties.VehicleParties;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Opens the signing workflow of a granted approval, once per grant: the unique indexes on
 * the workflow table decide between concurrent deliveries. When it cannot be opened, a
 * failed workflow records why and {@code SigningWorkflowFailed} tells the approval.
 */
@Service
public class WorkflowOpening {

	private static final Log logger = LogFactory.getLog(WorkflowOpening.class);

	private final Workflows workflows;

	private final VehicleParties parties;

	private final DocumentIssue issue;

	private final WorkflowEvents events;

	private final WorkflowMetrics metrics;

	private final Clock clock;

	private final SignerContacts contacts;

	WorkflowOpening(Workflows workflows, VehicleParties parties, DocumentIssue issue, WorkflowEvents events,
			WorkflowMetrics metrics, Clock clock, SignerContacts contacts) {
		this.contacts = contacts;
		this.workflows = workflows;
		this.parties = parties;
		this.issue = issue;
		this.events = events;
		this.metrics = metrics;
		this.clock = clock;
	}

	@Transactional
	public void open(ApprovalGranted grant) {
		DocumentKind kind = (grant.kind() == ApprovalKind.SUBSCRIPTION) ? DocumentKind.SUBSCRIPTION_PACK
				: DocumentKind.NDA;
		PartyRole role = (kind == DocumentKind.NDA) ? PartyRole.COUNTERPARTY : PartyRole.ARRANGER;
		Optional<Party> party = this.parties.find(grant.vehicleId(), role);
		if (party.isEmpty()) {
			fail(grant, kind, "missing_party", "No " + role.name().toLowerCase() + " is configured for vehicle "
					+ grant.vehicleId() + ", so the " + kind + " cannot be sent for signature.");
		}
		else if (kind == DocumentKind.SUBSCRIPTION_PACK && (grant.subscriptionId() == null || grant.amount() == null)) {
			fail(grant, kind, "incomplete_grant", "The granted subscription has no subscription id or amount.");
		}
		else {
			open(grant, kind, role, party.get());
		}
	}

	private void open(ApprovalGranted grant, DocumentKind kind, PartyRole role, Party party) {
		List<Signer> signers = List.of(
				new Signer(grant.investorId(),
						(grant.investor() != null) ? grant.investor().name() : grant.investorId(), "INVESTOR"),
				new Signer(party.partyId(), party.name(), role.name()));
		SigningWorkflow workflow = workflow(grant, kind, WorkflowStatus.OPEN, null, 1);
		if (!this.workflows.insert(workflow)) {
			logger.info("Approval " + grant.approvalId() + " already has a signing workflow for this grant");
			return;
		}
		// before the invitations: their mails go to these addresses
		this.contacts.opened(workflow.id(), grant.investor(), role, party);
		this.issue.issue(workflow, signers, null);
		this.events.append(workflow,
				new SigningWorkflowCreated(workflow.id(), grant.approvalId(), kind, grant.dealId(), grant.vehicleId(),
						grant.investorId(), grant.subscriptionId(), grant.amount(), signers, workflow.createdAt()));
		this.metrics.opened(kind);
	}

	private void fail(ApprovalGranted grant, DocumentKind kind, String cause, String reason) {
		SigningWorkflow workflow = workflow(grant, kind, WorkflowStatus.FAILED, reason, 0);
		if (this.workflows.insert(workflow)) {
			this.events.append(workflow,
					new SigningWorkflowFailed(workflow.id(), grant.approvalId(), reason, workflow.createdAt()));
			this.metrics.failed(kind, cause);
		}
	}

	/**
	 * Records that a grant's workflow was never opened because its cancellation was
	 * requested first: a failed workflow holds the grant's place (a replay of the grant
	 * then opens nothing) and {@code SigningWorkflowFailed} lets the approval cancel.
	 */
	@Transactional
	public void neverOpened(ApprovalCancellationRequested request, String reason) {
		DocumentKind kind = (request.kind() == ApprovalKind.SUBSCRIPTION) ? DocumentKind.SUBSCRIPTION_PACK
				: DocumentKind.NDA;
		UUID id = Generators.timeBasedEpochGenerator().generate();
		Instant now = this.clock.instant();
		SigningWorkflow workflow = new SigningWorkflow(id, request.approvalId(), request.grantedAt(), kind,
				request.dealId(), request.vehicleId(), request.investorId(), request.subscriptionId(), null,
				WorkflowStatus.FAILED, reason, 1, null, 0, 0, now, null, null, null, correlationId());
		if (this.workflows.insert(workflow)) {
			this.events.append(workflow, new SigningWorkflowFailed(id, request.approvalId(), reason, now));
			this.metrics.failed(kind, "cancelled_before_opening");
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
