package dev.vestline.events.approval;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import dev.vestline.events.Contact;
import dev.vestline.events.Money;
import org.jspecify.annotations.Nullable;

/**
 * Every step of an approval was approved. For a subscription its amount is now reserved
 * against the deal's capacity; the signature service opens a signing workflow.
 *
 * @param approvalId the approval
 * @param dealId the deal
 * @param vehicleId the investment vehicle of the deal
 * @param investorId the investor
 * @param kind deal interest or subscription
 * @param subscriptionId the subscription approved; set for {@code SUBSCRIPTION}
 * @param amount the amount reserved against the deal's capacity; set for
 * {@code SUBSCRIPTION}
 * @param grantedBy who decided the last step (a user id)
 * @param grantedAt when the approval was granted
 * @param investor the investor's name and e-mail address, for the signing mails; absent
 * from approvals requested without them and from events of older approval services
 */
public record ApprovalGranted(UUID approvalId, UUID dealId, UUID vehicleId, String investorId, ApprovalKind kind,
		@Nullable UUID subscriptionId, @Nullable Money amount, String grantedBy, Instant grantedAt,
		@Nullable Contact investor) implements ApprovalEvent {

	public ApprovalGranted {
		Objects.requireNonNull(approvalId, "approvalId");
		Objects.requireNonNull(dealId, "dealId");
		Objects.requireNonNull(vehicleId, "vehicleId");
		Objects.requireNonNull(investorId, "investorId");
		Objects.requireNonNull(kind, "kind");
		Objects.requireNonNull(grantedBy, "grantedBy");
		Objects.requireNonNull(grantedAt, "grantedAt");
	}

	/**
	 * A grant without the investor's contact, as older approval services sent it.
	 */
	public ApprovalGranted(UUID approvalId, UUID dealId, UUID vehicleId, String investorId, ApprovalKind kind,
			@Nullable UUID subscriptionId, @Nullable Money amount, String grantedBy, Instant grantedAt) {
		this(approvalId, dealId, vehicleId, investorId, kind, subscriptionId, amount, grantedBy, grantedAt, null);
	}

}
