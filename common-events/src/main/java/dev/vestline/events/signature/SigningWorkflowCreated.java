package dev.vestline.events.signature;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import dev.vestline.events.Money;
import org.jspecify.annotations.Nullable;

/**
 * A signing workflow was opened for a granted approval; each signer now has a signing
 * link.
 *
 * @param workflowId the signing workflow
 * @param approvalId the granted approval it carries out
 * @param documentKind the document to sign
 * @param dealId the deal
 * @param vehicleId the investment vehicle of the deal
 * @param investorId the investor
 * @param subscriptionId the subscription; set for a subscription pack
 * @param amount the amount subscribed; set for a subscription pack
 * @param signers who is to sign, at least the investor
 * @param createdAt when the workflow was opened
 */
public record SigningWorkflowCreated(UUID workflowId, UUID approvalId, DocumentKind documentKind, UUID dealId,
		UUID vehicleId, String investorId, @Nullable UUID subscriptionId, @Nullable Money amount, List<Signer> signers,
		Instant createdAt) implements SignatureEvent {

	public SigningWorkflowCreated {
		Objects.requireNonNull(workflowId, "workflowId");
		Objects.requireNonNull(approvalId, "approvalId");
		Objects.requireNonNull(documentKind, "documentKind");
		Objects.requireNonNull(dealId, "dealId");
		Objects.requireNonNull(vehicleId, "vehicleId");
		Objects.requireNonNull(investorId, "investorId");
		signers = List.copyOf(Objects.requireNonNull(signers, "signers"));
		if (signers.isEmpty()) {
			throw new IllegalArgumentException("a signing workflow has at least one signer");
		}
		Objects.requireNonNull(createdAt, "createdAt");
	}

}
