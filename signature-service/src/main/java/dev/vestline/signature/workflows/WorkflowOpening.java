package dev.vestline.signature.workflows;

import java.util.List;
import java.util.Optional;

import dev.vestline.events.approval.ApprovalCancellationRequested;
import dev.vestline.events.approval.ApprovalGranted;
import dev.vestline.events.approval.ApprovalKind;
import dev.vestline.events.signature.DocumentKind;
import dev.vestline.events.signature.Signer;
import dev.vestline.signature.parties.Party;
import dev.vestline.signature.parties.PartyRole;
import dev.vestline.signature.parties.VehicleParties;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Opens the signing workflow of a granted approval, once per grant: the unique indexes on
 * the workflow table decide between concurrent deliveries. When it cannot be opened, a
 * failed workflow records why and {@code SigningWorkflowFailed} tells the approval.
 */
@Service
public class WorkflowOpening {

	private final VehicleParties parties;

	private final NewWorkflows workflows;

	WorkflowOpening(VehicleParties parties, NewWorkflows workflows) {
		this.parties = parties;
		this.workflows = workflows;
	}

	@Transactional
	public void open(ApprovalGranted grant) {
		DocumentKind kind = (grant.kind() == ApprovalKind.SUBSCRIPTION) ? DocumentKind.SUBSCRIPTION_PACK
				: DocumentKind.NDA;
		PartyRole role = (kind == DocumentKind.NDA) ? PartyRole.COUNTERPARTY : PartyRole.ARRANGER;
		Optional<Party> party = this.parties.find(grant.vehicleId(), role);
		if (party.isEmpty()) {
			this.workflows.fail(grant, kind, "missing_party",
					"No " + role.name().toLowerCase() + " is configured for vehicle " + grant.vehicleId() + ", so the "
							+ kind + " cannot be sent for signature.");
		}
		else if (kind == DocumentKind.SUBSCRIPTION_PACK && (grant.subscriptionId() == null || grant.amount() == null)) {
			this.workflows.fail(grant, kind, "incomplete_grant",
					"The granted subscription has no subscription id or amount.");
		}
		else {
			String investorName = (grant.investor() != null) ? grant.investor().name() : grant.investorId();
			this.workflows.open(grant, kind, role, party.get(),
					List.of(new Signer(grant.investorId(), investorName, "INVESTOR"),
							new Signer(party.get().partyId(), party.get().name(), role.name())));
		}
	}

	/**
	 * Records that a grant's workflow was never opened because its cancellation was
	 * requested first: a failed workflow holds the grant's place (a replay of the grant
	 * then opens nothing) and {@code SigningWorkflowFailed} lets the approval cancel.
	 */
	@Transactional
	public void neverOpened(ApprovalCancellationRequested request, String reason) {
		this.workflows.neverOpened(request, reason);
	}

}
