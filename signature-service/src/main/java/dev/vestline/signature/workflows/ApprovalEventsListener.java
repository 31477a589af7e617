package dev.vestline.signature.workflows;

import dev.vestline.events.Topics;
import dev.vestline.events.approval.ApprovalCancellationRequested;
import dev.vestline.events.approval.ApprovalCancelled;
import dev.vestline.events.approval.ApprovalEvent;
import dev.vestline.events.approval.ApprovalGranted;
import dev.vestline.messaging.inbox.Inbox;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Consumes the approval service's events through the inbox: a grant opens a workflow, a
 * requested cancellation of the grant cancels it if it is still open (an approval
 * cancelled outright, from an older approval service, cancels what is open); other
 * approval events are none of this service's business.
 */
@Component
class ApprovalEventsListener {

	private final Inbox inbox;

	private final WorkflowOpening opening;

	private final WorkflowCancellation cancellation;

	private final GrantCancellation grantCancellation;

	ApprovalEventsListener(Inbox inbox, WorkflowOpening opening, WorkflowCancellation cancellation,
			GrantCancellation grantCancellation) {
		this.inbox = inbox;
		this.opening = opening;
		this.cancellation = cancellation;
		this.grantCancellation = grantCancellation;
	}

	@KafkaListener(topics = Topics.APPROVAL, groupId = "signature")
	void on(ConsumerRecord<String, byte[]> record) {
		this.inbox.receive(record, ApprovalEvent.class, this::apply);
	}

	void apply(ApprovalEvent event) {
		if (event instanceof ApprovalGranted granted) {
			this.opening.open(granted);
		}
		else if (event instanceof ApprovalCancellationRequested requested) {
			this.grantCancellation.requested(requested);
		}
		else if (event instanceof ApprovalCancelled cancelled) {
			this.cancellation.approvalCancelled(cancelled);
		}
	}

}
