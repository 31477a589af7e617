package dev.vestline.signature.documents;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.vestline.events.Money;
import dev.vestline.events.signature.DocumentKind;
import dev.vestline.events.signature.Signer;
import org.jspecify.annotations.Nullable;

/**
 * What a document says: the deal or subscription terms and who is to sign.
 *
 * @param workflowId the workflow
 * @param kind NDA or subscription pack
 * @param dealId the deal
 * @param vehicleId the vehicle
 * @param investorId the investor
 * @param subscriptionId the subscription, for a pack
 * @param amount the amount subscribed, for a pack
 * @param signers who signs, in stamp order
 * @param revision the terms revision, 1 for the first issue
 * @param amendments amended terms of a reissue, or {@code null}
 * @param issuedAt when this revision was issued
 */
public record DocumentTerms(UUID workflowId, DocumentKind kind, UUID dealId, UUID vehicleId, String investorId,
		@Nullable UUID subscriptionId, @Nullable Money amount, List<Signer> signers, int revision,
		@Nullable String amendments, Instant issuedAt) {

	public String title() {
		return (this.kind == DocumentKind.NDA) ? "Non-Disclosure Agreement" : "Subscription Pack";
	}

}
