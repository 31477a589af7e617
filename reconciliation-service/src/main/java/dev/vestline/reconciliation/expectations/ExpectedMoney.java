package dev.vestline.reconciliation.expectations;

import java.time.Clock;

import dev.vestline.events.billing.InvoiceIssued;
import dev.vestline.events.billing.InvoiceVoided;
import dev.vestline.events.signature.DocumentKind;
import dev.vestline.events.signature.SigningWorkflowCompleted;
import dev.vestline.reconciliation.AfterCommit;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records the money reconciliation expects, once per subscription and per invoice however
 * often the event arrives, and lets matching look at the bank lines already waiting;
 * stops expecting an invoice billing voided.
 */
@Service
@Transactional
class ExpectedMoney {

	private final Subscriptions subscriptions;

	private final Invoices invoices;

	private final ApplicationEventPublisher publisher;

	private final MeterRegistry meters;

	private final Clock clock;

	ExpectedMoney(Subscriptions subscriptions, Invoices invoices, ApplicationEventPublisher publisher,
			MeterRegistry meters, Clock clock) {
		this.subscriptions = subscriptions;
		this.invoices = invoices;
		this.publisher = publisher;
		this.meters = meters;
		this.clock = clock;
	}

	void expectSubscription(SigningWorkflowCompleted completed) {
		if (completed.documentKind() != DocumentKind.SUBSCRIPTION_PACK || completed.subscriptionId() == null
				|| completed.amount() == null) {
			return; // an NDA expects no money
		}
		if (this.subscriptions.expect(completed, this.clock.instant())) {
			AfterCommit
				.run(() -> this.meters.counter("vestline.reconciliation.expectations.recorded", "kind", "subscription")
					.increment());
			this.publisher
				.publishEvent(new SubscriptionExpected(completed.subscriptionId(), completed.amount().currency()));
		}
	}

	void expectInvoice(InvoiceIssued issued) {
		if (this.invoices.expect(issued, this.clock.instant())) {
			AfterCommit
				.run(() -> this.meters.counter("vestline.reconciliation.expectations.recorded", "kind", "invoice")
					.increment());
			this.publisher.publishEvent(new InvoiceExpected(issued.invoiceId(), issued.total().currency()));
		}
	}

	void stopExpecting(InvoiceVoided voided) {
		if (this.invoices.markVoided(voided.invoiceId(), voided.reason(), this.clock.instant())) {
			AfterCommit.run(() -> this.meters.counter("vestline.reconciliation.expectations.voided", "kind", "invoice")
				.increment());
			this.publisher.publishEvent(new InvoiceNoLongerExpected(voided.invoiceId(), voided.reason()));
		}
	}

}
