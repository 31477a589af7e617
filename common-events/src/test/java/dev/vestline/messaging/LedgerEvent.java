package dev.vestline.messaging;

import dev.vestline.events.DomainEvent;

/**
 * A test-only event family on {@code ledger.events}: the messaging tests do not depend on
 * any service's contracts.
 */
public sealed interface LedgerEvent extends DomainEvent permits LedgerEntryRecorded {

}
