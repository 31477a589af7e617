/**
 * Payments and investor credit: payments recorded atomically against invoices (from bank
 * matches, the signed provider webhook, or credit), overpayments kept as credit, and
 * credit applied to later invoices.
 */
@NullMarked
package dev.vestline.billing.payments;

import org.jspecify.annotations.NullMarked;
