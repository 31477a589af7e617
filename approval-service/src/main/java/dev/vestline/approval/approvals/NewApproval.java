package dev.vestline.approval.approvals;

import java.math.BigDecimal;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import dev.vestline.events.approval.ApprovalKind;
import dev.vestline.support.domain.InvalidInput;

/**
 * A request for approval: an investor's interest in a deal, or a subscription to it.
 *
 * @param kind deal interest or subscription
 * @param dealId the deal
 * @param investorId the investor
 * @param subscriptionId the subscription; required for, and only for, a subscription
 * @param amount the amount in the deal's currency; required for, and only for, a
 * subscription
 * @param investor the investor's name and e-mail address, for the signing mails;
 * optional, but without it nobody mails the investor a signing link
 */
public record NewApproval(@NotNull ApprovalKind kind, @NotNull UUID dealId,
		@NotBlank @Size(max = 100) String investorId, @Nullable UUID subscriptionId,
		@Nullable @DecimalMin("0.01") @Digits(integer = 17, fraction = 2) BigDecimal amount,
		@Nullable @Valid InvestorContact investor) {

	/** Checks what bean validation cannot say: which fields go with which kind. */
	void checkFieldsOfKind() {
		boolean subscription = this.kind == ApprovalKind.SUBSCRIPTION;
		if (subscription && this.subscriptionId == null) {
			throw InvalidInput.field("subscriptionId", "is required for a SUBSCRIPTION");
		}
		if (subscription && this.amount == null) {
			throw InvalidInput.field("amount", "is required for a SUBSCRIPTION");
		}
		if (!subscription && this.subscriptionId != null) {
			throw InvalidInput.field("subscriptionId", "is only for a SUBSCRIPTION");
		}
		if (!subscription && this.amount != null) {
			throw InvalidInput.field("amount", "is only for a SUBSCRIPTION");
		}
	}

}
