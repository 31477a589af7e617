package dev.vestline.billing.payments;

import dev.vestline.billing.fees.FundedSubscriptions;
import dev.vestline.events.Topics;
import dev.vestline.events.reconciliation.InvoicePaymentReceived;
import dev.vestline.events.reconciliation.InvoicePaymentReversed;
import dev.vestline.events.reconciliation.ReconciliationEvent;
import dev.vestline.events.reconciliation.SubscriptionFunded;
import dev.vestline.messaging.inbox.Inbox;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Records bank payments of invoices, takes them back when their match is reversed, and
 * keeps the funded-subscription projection, through the inbox. One listener for the
 * topic, so the group's partitions are not split between two containers.
 */
@Component
class ReconciliationEventsListener {

	static final String GROUP = "billing";

	private final Inbox inbox;

	private final PaymentRecording payments;

	private final PaymentReversal reversals;

	private final FundedSubscriptions funded;

	ReconciliationEventsListener(Inbox inbox, PaymentRecording payments, PaymentReversal reversals,
			FundedSubscriptions funded) {
		this.inbox = inbox;
		this.payments = payments;
		this.reversals = reversals;
		this.funded = funded;
	}

	@KafkaListener(topics = Topics.RECONCILIATION, groupId = GROUP)
	void on(ConsumerRecord<String, byte[]> record) {
		this.inbox.receive(GROUP, record, ReconciliationEvent.class, (event) -> {
			if (event instanceof InvoicePaymentReceived received) {
				// one payment per match, however often it is reported
				this.payments.record(received.invoiceId(), received.amount(),
						PaymentOrigin.bank(received.bankTransactionId(), received.matchId()));
			}
			else if (event instanceof InvoicePaymentReversed reversed) {
				// the payment of that match; it arrived before, on the same key
				this.reversals.reverse(reversed.invoiceId(),
						PaymentOrigin.bank(reversed.bankTransactionId(), reversed.matchId()), reversed.reason());
			}
			else if (event instanceof SubscriptionFunded fundedEvent) {
				this.funded.record(fundedEvent);
			}
		});
	}

}
