package dev.vestline.approval.compensation;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import dev.vestline.events.Topics;
import dev.vestline.events.signature.SignatureEvent;
import dev.vestline.events.signature.SigningWorkflowCancelled;
import dev.vestline.events.signature.SigningWorkflowCompleted;
import dev.vestline.events.signature.SigningWorkflowCreated;
import dev.vestline.events.signature.SigningWorkflowFailed;
import dev.vestline.messaging.inbox.Inbox;

/**
 * Consumes {@code signature.events} through the inbox: each record is applied once, in
 * the inbox's transaction; the signature events approvals do not care about are skipped.
 */
@Component
class SignatureEventsListener {

	private final Inbox inbox;

	private final Compensation compensation;

	SignatureEventsListener(Inbox inbox, Compensation compensation) {
		this.inbox = inbox;
		this.compensation = compensation;
	}

	@KafkaListener(topics = Topics.SIGNATURE, groupId = "approval")
	void on(ConsumerRecord<String, byte[]> record) {
		this.inbox.receive(record, SignatureEvent.class, this::handle);
	}

	private void handle(SignatureEvent event) {
		switch (event) {
			case SigningWorkflowFailed failed -> this.compensation.workflowFailed(failed);
			case SigningWorkflowCancelled cancelled -> this.compensation.workflowCancelled(cancelled);
			case SigningWorkflowCompleted completed -> this.compensation.workflowCompleted(completed);
			case SigningWorkflowCreated created -> this.compensation.workflowCreated(created);
			default -> {
				// signed, declined: the workflow goes on, nothing to compensate
			}
		}
	}

}
