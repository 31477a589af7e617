package dev.vestline.events.signature;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import dev.vestline.events.Contact;
import dev.vestline.events.Money;
import org.jspecify.annotations.Nullable;

/**
 * Every signer signed: the workflow completed, exactly once, with its final document.
 *
 * @param workflowId the signing workflow
 * @param approvalId the approval it carried out
 * @param documentKind the document that was signed
 * @param dealId the deal
 * @param vehicleId the investment vehicle of the deal
 * @param investorId the investor
 * @param subscriptionId the subscription; set for a subscription pack
 * @param amount the amount subscribed; set for a subscription pack
 * @param documentVersion the final document's version
 * @param documentSha256 the SHA-256 of the final document, lowercase hex
 * @param completedAt when the workflow completed
 * @param investor the investor's name and e-mail address, for billing's invoice mails;
 * absent when the grant came without them and from older signature services
 */
public record SigningWorkflowCompleted(UUID workflowId, UUID approvalId, DocumentKind documentKind, UUID dealId,
		UUID vehicleId, String investorId, @Nullable UUID subscriptionId, @Nullable Money amount, int documentVersion,
		String documentSha256, Instant completedAt, @Nullable Contact investor) implements SignatureEvent {

	public SigningWorkflowCompleted {
		Objects.requireNonNull(workflowId, "workflowId");
		Objects.requireNonNull(approvalId, "approvalId");
		Objects.requireNonNull(documentKind, "documentKind");
		Objects.requireNonNull(dealId, "dealId");
		Objects.requireNonNull(vehicleId, "vehicleId");
		Objects.requireNonNull(investorId, "investorId");
		if (documentVersion < 1) {
			throw new IllegalArgumentException("documentVersion is 1-based, got " + documentVersion);
		}
		Objects.requireNonNull(documentSha256, "documentSha256");
		Objects.requireNonNull(completedAt, "completedAt");
	}

	/**
	 * A completion without the investor's contact, as older signature services sent it.
	 */
	public SigningWorkflowCompleted(UUID workflowId, UUID approvalId, DocumentKind documentKind, UUID dealId,
			UUID vehicleId, String investorId, @Nullable UUID subscriptionId, @Nullable Money amount,
			int documentVersion, String documentSha256, Instant completedAt) {
		this(workflowId, approvalId, documentKind, dealId, vehicleId, investorId, subscriptionId, amount,
				documentVersion, documentSha256, completedAt, null);
	}

}
