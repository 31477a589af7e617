package dev.vestline.reconciliation.expectations;

import java.time.Clock;

import dev.vestline.events.billing.InvoiceIssued;
import dev.vestline.events.billing.InvoiceVoided;
import dev.vestline.events.signature.DocumentKind;
import dev.vestline.events.signature.SigningWorkflowCompleted;

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

	private final ExpectationNotices notices;

	private final Clock clock;

	ExpectedMoney(Subscriptions subscriptions, Invoices invoices, ExpectationNotices notices, Clock clock) {
		this.subscriptions = subscriptions;
		this.invoices = invoices;
		this.notices = notices;
		this.clock = clock;
	}

	void expectSubscription(SigningWorkflowCompleted completed) {
		if (completed.documentKind() != DocumentKind.SUBSCRIPTION_PACK || completed.subscriptionId() == null
				|| completed.amount() == null) {
			return; // an NDA expects no money
		}
		if (this.subscriptions.expect(completed, this.clock.instant())) {
			this.notices.expected(new SubscriptionExpected(completed.subscriptionId(), completed.amount().currency()));
		}
	}

	void expectInvoice(InvoiceIssued issued) {
		if (this.invoices.expect(issued, this.clock.instant())) {
			this.notices.expected(new InvoiceExpected(issued.invoiceId(), issued.total().currency()));
		}
	}

	void stopExpecting(InvoiceVoided voided) {
		if (this.invoices.markVoided(voided.invoiceId(), voided.reason(), this.clock.instant())) {
			this.notices.noLongerExpected(new InvoiceNoLongerExpected(voided.invoiceId(), voided.reason()));
		}
	}

}
