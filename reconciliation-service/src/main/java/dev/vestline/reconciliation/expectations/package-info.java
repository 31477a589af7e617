/**
 * The money reconciliation expects: subscription commitments and issued invoices,
 * projected from other services' events.
 */
@NullMarked
package dev.vestline.reconciliation.expectations;

import org.jspecify.annotations.NullMarked;
