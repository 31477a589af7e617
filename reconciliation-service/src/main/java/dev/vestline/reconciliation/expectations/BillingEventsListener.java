package dev.vestline.reconciliation.expectations;

import dev.vestline.events.Topics;
import dev.vestline.events.billing.BillingEvent;
import dev.vestline.events.billing.InvoiceIssued;
import dev.vestline.events.billing.InvoiceVoided;
import dev.vestline.messaging.inbox.Inbox;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Expects payment of every issued invoice, until billing voids it.
 */
@Component
class BillingEventsListener {

	private final Inbox inbox;

	private final ExpectedMoney expectedMoney;

	BillingEventsListener(Inbox inbox, ExpectedMoney expectedMoney) {
		this.inbox = inbox;
		this.expectedMoney = expectedMoney;
	}

	@KafkaListener(topics = Topics.BILLING, groupId = "reconciliation")
	void on(ConsumerRecord<String, byte[]> record) {
		this.inbox.receive(record, BillingEvent.class, (event) -> {
			if (event instanceof InvoiceIssued issued) {
				ConsumedEvents.check(issued);
				this.expectedMoney.expectInvoice(issued);
			}
			else if (event instanceof InvoiceVoided voided) {
				this.expectedMoney.stopExpecting(voided);
			}
		});
	}

}
