package dev.vestline.signature.page;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.vestline.events.signature.DocumentKind;
import dev.vestline.events.signature.Signer;
import dev.vestline.signature.signing.SignerLinks.SignerLink;
import dev.vestline.signature.signing.SignerRequest;
import dev.vestline.signature.signing.SignerStatus;
import dev.vestline.signature.workflows.SigningWorkflow;
import dev.vestline.signature.workflows.WorkflowStatus;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PageStateTests {

	static final Instant NOW = Instant.parse("2026-12-07T09:00:00Z");

	@Test
	void aPendingLinkOfAnOpenWorkflowIsReadyUntilItExpires() {
		assertThat(PageState.of(link(WorkflowStatus.OPEN, SignerStatus.PENDING, NOW.plusSeconds(1)), NOW))
			.isEqualTo(PageState.READY);
		assertThat(PageState.of(link(WorkflowStatus.OPEN, SignerStatus.PENDING, NOW), NOW))
			.isEqualTo(PageState.EXPIRED);
	}

	@Test
	void aUsedLinkSaysWhatBecameOfIt() {
		Instant later = NOW.plusSeconds(60);
		assertThat(PageState.of(link(WorkflowStatus.OPEN, SignerStatus.SIGNED, later), NOW))
			.isEqualTo(PageState.WAITING);
		assertThat(PageState.of(link(WorkflowStatus.COMPLETED, SignerStatus.SIGNED, later), NOW))
			.isEqualTo(PageState.COMPLETED);
		assertThat(PageState.of(link(WorkflowStatus.DECLINED, SignerStatus.DECLINED, later), NOW))
			.isEqualTo(PageState.DECLINED);
		assertThat(PageState.of(link(WorkflowStatus.DECLINED, SignerStatus.SIGNED, later), NOW))
			.as("signed, then the other party declined")
			.isEqualTo(PageState.DECLINED);
		assertThat(PageState.of(link(WorkflowStatus.OPEN, SignerStatus.VOID, later), NOW))
			.isEqualTo(PageState.REPLACED);
	}

	@Test
	void aCancelledOrFailedWorkflowIsCancelledWhateverTheLink() {
		for (WorkflowStatus status : List.of(WorkflowStatus.CANCELLED, WorkflowStatus.FAILED)) {
			assertThat(PageState.of(link(status, SignerStatus.PENDING, NOW.plusSeconds(60)), NOW))
				.isEqualTo(PageState.CANCELLED);
		}
	}

	@Test
	void onlyDeadEndsOfferANewLinkAndOnlyTheOthersShowTheDocument() {
		for (PageState state : PageState.values()) {
			assertThat(state.showsDocument()).as(state.name()).isNotEqualTo(state.deadEnd());
		}
		assertThat(PageState.EXPIRED.deadEnd()).isTrue();
		assertThat(PageState.READY.deadEnd()).isFalse();
	}

	private static SignerLink link(WorkflowStatus workflowStatus, SignerStatus status, Instant expiresAt) {
		UUID workflowId = UUID.randomUUID();
		SignerRequest request = new SignerRequest(UUID.randomUUID(), workflowId, 0,
				new Signer("ivy", "Ivy Investor", "INVESTOR"), 0, expiresAt, status, null, null, null, null);
		SigningWorkflow workflow = new SigningWorkflow(workflowId, UUID.randomUUID(), NOW,
				DocumentKind.SUBSCRIPTION_PACK, UUID.randomUUID(), UUID.randomUUID(), "ivy", null, null, workflowStatus,
				null, 0, null, 1, 0, NOW, null, null, null, null);
		return new SignerLink(request, workflow, List.of(request), false);
	}

}
