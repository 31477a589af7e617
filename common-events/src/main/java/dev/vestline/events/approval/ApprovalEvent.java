package dev.vestline.events.approval;

import java.util.UUID;

import dev.vestline.events.DomainEvent;
import dev.vestline.events.Topics;

/**
 * An event of the approval service, published on {@link Topics#APPROVAL} and keyed by the
 * approval id, so the events of one approval stay in order.
 */
public sealed interface ApprovalEvent extends DomainEvent
		permits ApprovalRequested, ApprovalStepApproved, ApprovalGranted, ApprovalRejected, ApprovalExpired,
		ApprovalReopened, ApprovalCancelled, ApprovalCancellationRequested {

	/**
	 * @return the approval the event is about
	 */
	UUID approvalId();

	@Override
	default String aggregateId() {
		return approvalId().toString();
	}

}
