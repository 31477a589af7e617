/**
 * Contracts of the billing service's events: fees accrued on subscriptions, the invoices
 * that bill them, and the payments recorded against those invoices.
 */
@NullMarked
package dev.vestline.events.billing;

import org.jspecify.annotations.NullMarked;
