package dev.vestline.billing.fees;

import dev.vestline.billing.mail.InvestorContacts;
import dev.vestline.events.Topics;
import dev.vestline.events.signature.SignatureEvent;
import dev.vestline.events.signature.SigningWorkflowCompleted;
import dev.vestline.messaging.inbox.Inbox;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Accrues the subscription fee when a subscription pack is signed, through the inbox, and
 * keeps the investor's address its invoices are mailed to.
 */
@Component
class SignatureEventsListener {

	static final String GROUP = "billing";

	private final Inbox inbox;

	private final FeeAccrual accrual;

	private final InvestorContacts contacts;

	SignatureEventsListener(Inbox inbox, FeeAccrual accrual, InvestorContacts contacts) {
		this.inbox = inbox;
		this.accrual = accrual;
		this.contacts = contacts;
	}

	@KafkaListener(topics = Topics.SIGNATURE, groupId = GROUP)
	void on(ConsumerRecord<String, byte[]> record) {
		this.inbox.receive(GROUP, record, SignatureEvent.class, (event) -> {
			if (event instanceof SigningWorkflowCompleted completed) {
				this.contacts.remember(completed); // where this investor's invoices are
													// mailed
				this.accrual.subscriptionPackSigned(completed);
			}
		});
	}

}
