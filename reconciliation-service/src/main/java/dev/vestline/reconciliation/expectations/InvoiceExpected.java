package dev.vestline.reconciliation.expectations;

import java.util.UUID;

/**
 * Published in-process, inside the inbox transaction, when a new invoice is expected.
 *
 * @param invoiceId the invoice
 */
public record InvoiceExpected(UUID invoiceId) {

}
