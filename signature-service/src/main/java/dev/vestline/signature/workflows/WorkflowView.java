package dev.vestline.signature.workflows;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.vestline.events.Money;
import dev.vestline.events.signature.DocumentKind;
import dev.vestline.signature.signing.SignerRequest;
import dev.vestline.signature.signing.SignerStatus;
import org.jspecify.annotations.Nullable;

/**
 * A workflow as staff read it. Link tokens are never shown: only their hashes are stored.
 *
 * @param id the workflow
 * @param approvalId the approval
 * @param documentKind the document
 * @param dealId the deal
 * @param vehicleId the vehicle
 * @param investorId the investor
 * @param subscriptionId the subscription, for a pack
 * @param amount the amount, for a pack
 * @param status where it stands
 * @param statusReason why it failed, was declined or cancelled
 * @param revision the terms revision
 * @param amendments the amended terms
 * @param documentVersion the latest document version
 * @param version the ETag
 * @param createdAt when opened
 * @param completedAt when completed
 * @param leaseHolder who signs right now
 * @param leaseExpiresAt until when
 * @param signers the requests of every revision
 */
record WorkflowView(UUID id, UUID approvalId, DocumentKind documentKind, UUID dealId, UUID vehicleId, String investorId,
		@Nullable UUID subscriptionId, @Nullable Money amount, WorkflowStatus status, @Nullable String statusReason,
		int revision, @Nullable String amendments, int documentVersion, int version, Instant createdAt,
		@Nullable Instant completedAt, @Nullable String leaseHolder, @Nullable Instant leaseExpiresAt,
		List<SignerView> signers) {

	static WorkflowView of(SigningWorkflow w, List<SignerRequest> requests) {
		return new WorkflowView(w.id(), w.approvalId(), w.kind(), w.dealId(), w.vehicleId(), w.investorId(),
				w.subscriptionId(), w.amount(), w.status(), w.statusReason(), w.revision(), w.amendments(),
				w.documentVersion(), w.version(), w.createdAt(), w.completedAt(), w.leaseHolder(), w.leaseExpiresAt(),
				requests.stream().map(SignerView::of).toList());
	}

	/**
	 * One signer's request.
	 *
	 * @param revision the revision it is for
	 * @param role the role
	 * @param partyId the signer
	 * @param name the signer's name
	 * @param status where it stands
	 * @param linkExpiresAt until when the link works
	 * @param typedName the name typed when signing
	 * @param signedAt when signed
	 * @param documentVersion the version the signature produced
	 * @param declineReason why declined
	 */
	record SignerView(int revision, String role, String partyId, String name, SignerStatus status,
			Instant linkExpiresAt, @Nullable String typedName, @Nullable Instant signedAt,
			@Nullable Integer documentVersion, @Nullable String declineReason) {

		static SignerView of(SignerRequest r) {
			return new SignerView(r.revision(), r.signer().role(), r.signer().signerId(), r.signer().name(), r.status(),
					r.linkExpiresAt(), r.typedName(), r.signedAt(), r.documentVersion(), r.declineReason());
		}

	}

	/**
	 * One page of workflows, newest first.
	 *
	 * @param items the workflows
	 * @param next the cursor of the next page ({@code after}), absent on the last
	 */
	record Page(List<WorkflowView> items, @Nullable String next) {

	}

}
