package dev.vestline.events.billing;

import dev.vestline.events.DomainEvent;
import dev.vestline.events.Topics;

/**
 * An event of the billing service, published on {@link Topics#BILLING}: fee events are
 * keyed by the subscription id, invoice events by the invoice id.
 */
public sealed interface BillingEvent extends DomainEvent
		permits FeeAccrued, FeeCancelled, InvoiceIssued, PaymentRecorded, InvoicePaid, PaymentReversed, InvoiceVoided {

}
