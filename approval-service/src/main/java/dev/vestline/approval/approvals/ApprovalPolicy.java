package dev.vestline.approval.approvals;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import dev.vestline.approval.web.Caller;
import dev.vestline.events.approval.ApprovalKind;

/**
 * {@code vestline.approval.policy.*}: which roles decide an approval, in which order, and
 * how long it may wait.
 *
 * @param dealInterestSteps the chain for deal interest
 * @param subscriptionSteps the chain for a subscription
 * @param largeSubscriptionThreshold from this amount on, a subscription also needs
 * {@code largeSubscriptionExtraSteps}
 * @param largeSubscriptionExtraSteps appended to the chain of a large subscription
 * @param expiresAfter how long a pending approval waits before it expires
 */
@ConfigurationProperties("vestline.approval.policy")
public record ApprovalPolicy(@DefaultValue("approver") List<String> dealInterestSteps, @DefaultValue( {
		"compliance", "operations" }) List<String> subscriptionSteps,
		@DefaultValue("1000000") BigDecimal largeSubscriptionThreshold,
		@DefaultValue("approver") List<String> largeSubscriptionExtraSteps,
		@DefaultValue("P14D") Duration expiresAfter){

	public ApprovalPolicy {
		for (List<String> chain : List.of(dealInterestSteps, subscriptionSteps, largeSubscriptionExtraSteps)) {
			if (!Caller.STAFF.containsAll(chain)) {
				throw new IllegalArgumentException(
						"Approval steps must be staff roles " + Caller.STAFF + ", got " + chain);
			}
		}
		if (dealInterestSteps.isEmpty() || subscriptionSteps.isEmpty()) {
			throw new IllegalArgumentException("Every kind of approval needs at least one step");
		}
		if (expiresAfter.isNegative() || expiresAfter.isZero()) {
			throw new IllegalArgumentException("vestline.approval.policy.expires-after must be positive");
		}
	}

	/**
	 * @param kind what is approved
	 * @param amount the subscription amount, if any
	 * @return the role of each step, in order
	 */
	public List<String> stepsFor(ApprovalKind kind, @Nullable BigDecimal amount) {
		if (kind == ApprovalKind.DEAL_INTEREST) {
			return List.copyOf(this.dealInterestSteps);
		}
		List<String> steps = new ArrayList<>(this.subscriptionSteps);
		if (amount != null && amount.compareTo(this.largeSubscriptionThreshold) >= 0) {
			steps.addAll(this.largeSubscriptionExtraSteps);
		}
		return List.copyOf(steps);
	}

}
