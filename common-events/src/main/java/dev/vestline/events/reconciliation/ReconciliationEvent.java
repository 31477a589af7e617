package dev.vestline.events.reconciliation;

import dev.vestline.events.DomainEvent;
import dev.vestline.events.Topics;

/**
 * An event of the reconciliation service, published on {@link Topics#RECONCILIATION}:
 * keyed by the subscription id or the invoice id the money is for (an imported bank
 * transaction, not yet matched to either, by its own id).
 */
public sealed interface ReconciliationEvent extends DomainEvent permits BankTransactionImported, MatchAccepted,
		SubscriptionFunded, PositionUpdated, InvoicePaymentReceived, MatchReversed, InvoicePaymentReversed {

}
