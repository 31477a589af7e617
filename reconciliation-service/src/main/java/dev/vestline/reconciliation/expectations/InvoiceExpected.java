package dev.vestline.reconciliation.expectations;

import java.util.UUID;

/**
 * Published in-process, inside the inbox transaction, when a new invoice is expected.
 *
 * @param invoiceId the invoice
 * @param currency the currency of the money expected
 */
public record InvoiceExpected(UUID invoiceId, String currency) {

}
