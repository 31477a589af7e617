package dev.vestline.approval.approvals;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;

import dev.vestline.events.approval.ApprovalKind;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ApprovalPolicyTests {

	final ApprovalPolicy policy = new ApprovalPolicy(List.of("approver"), List.of("compliance", "operations"),
			new BigDecimal("1000000"), List.of("approver"), Duration.ofDays(14));

	@Test
	void asksTheApproverAloneForDealInterest() {
		assertThat(this.policy.stepsFor(ApprovalKind.DEAL_INTEREST, null)).containsExactly("approver");
	}

	@Test
	void asksComplianceThenOperationsForASubscription() {
		assertThat(this.policy.stepsFor(ApprovalKind.SUBSCRIPTION, new BigDecimal("999999.99")))
			.containsExactly("compliance", "operations");
	}

	@Test
	void addsTheApproverFromTheLargeSubscriptionThresholdOn() {
		assertThat(this.policy.stepsFor(ApprovalKind.SUBSCRIPTION, new BigDecimal("1000000.00")))
			.containsExactly("compliance", "operations", "approver");
	}

	@Test
	void refusesAChainWithARoleThatIsNotStaff() {
		assertThatIllegalArgumentException().isThrownBy(() -> new ApprovalPolicy(List.of("investor"),
				List.of("compliance"), BigDecimal.ONE, List.of(), Duration.ofDays(1)));
	}

	@Test
	void refusesANonPositiveExpiry() {
		assertThatIllegalArgumentException().isThrownBy(() -> new ApprovalPolicy(List.of("approver"),
				List.of("compliance"), BigDecimal.ONE, List.of(), Duration.ZERO));
	}

}
