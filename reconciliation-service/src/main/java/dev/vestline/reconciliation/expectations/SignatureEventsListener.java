package dev.vestline.reconciliation.expectations;

import dev.vestline.events.Topics;
import dev.vestline.events.signature.SignatureEvent;
import dev.vestline.events.signature.SigningWorkflowCompleted;
import dev.vestline.messaging.inbox.Inbox;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Expects a subscription's commitment once its subscription pack is signed.
 */
@Component
class SignatureEventsListener {

	private final Inbox inbox;

	private final ExpectedMoney expectedMoney;

	SignatureEventsListener(Inbox inbox, ExpectedMoney expectedMoney) {
		this.inbox = inbox;
		this.expectedMoney = expectedMoney;
	}

	@KafkaListener(topics = Topics.SIGNATURE, groupId = "reconciliation")
	void on(ConsumerRecord<String, byte[]> record) {
		this.inbox.receive(record, SignatureEvent.class, (event) -> {
			if (event instanceof SigningWorkflowCompleted completed) {
				ConsumedEvents.check(completed);
				this.expectedMoney.expectSubscription(completed);
			}
		});
	}

}
