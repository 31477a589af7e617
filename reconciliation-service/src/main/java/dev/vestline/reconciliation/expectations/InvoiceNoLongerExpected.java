package dev.vestline.reconciliation.expectations;

import java.util.UUID;

/**
 * Published in-process, inside the inbox transaction, when billing voided an invoice that
 * was expected.
 *
 * @param invoiceId the invoice
 * @param reason why billing voided it
 */
public record InvoiceNoLongerExpected(UUID invoiceId, String reason) {

}
