/**
 * Investor account statements: invoices, payments and credit movements in one
 * keyset-paged timeline, with the credit balance.
 */
@NullMarked
package dev.vestline.billing.statements;

import org.jspecify.annotations.NullMarked;
