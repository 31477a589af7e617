package dev.vestline.signature.workflows;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.vestline.events.Money;
import dev.vestline.events.signature.DocumentKind;
import dev.vestline.events.signature.Signer;
import dev.vestline.signature.documents.DocumentTerms;
import org.jspecify.annotations.Nullable;

/**
 * A signing workflow as stored: the terms of one granted approval, where it stands, and
 * who holds its lease.
 *
 * @param id the workflow
 * @param approvalId the approval it carries out
 * @param grantedAt when the approval was granted
 * @param kind the document
 * @param dealId the deal
 * @param vehicleId the vehicle
 * @param investorId the investor
 * @param subscriptionId the subscription, for a pack
 * @param amount the amount subscribed, for a pack
 * @param status where it stands
 * @param statusReason why it failed, was declined or cancelled
 * @param revision the terms revision
 * @param amendments amended terms of the latest reissue
 * @param documentVersion the latest document version
 * @param version the optimistic version, the ETag
 * @param createdAt when it was opened
 * @param completedAt when it completed
 * @param leaseHolder who signs right now
 * @param leaseExpiresAt until when
 * @param correlationId the correlation id of the flow that opened it
 */
public record SigningWorkflow(UUID id, UUID approvalId, Instant grantedAt, DocumentKind kind, UUID dealId,
		UUID vehicleId, String investorId, @Nullable UUID subscriptionId, @Nullable Money amount, WorkflowStatus status,
		@Nullable String statusReason, int revision, @Nullable String amendments, int documentVersion, int version,
		Instant createdAt, @Nullable Instant completedAt, @Nullable String leaseHolder,
		@Nullable Instant leaseExpiresAt, @Nullable String correlationId) {

	/**
	 * @param signers who signs this revision
	 * @param issuedAt when it is issued
	 * @return the terms its document states
	 */
	public DocumentTerms terms(List<Signer> signers, Instant issuedAt) {
		return new DocumentTerms(this.id, this.kind, this.dealId, this.vehicleId, this.investorId, this.subscriptionId,
				this.amount, signers, this.revision, this.amendments, issuedAt);
	}

	public boolean isOpen() {
		return this.status == WorkflowStatus.OPEN;
	}

}
