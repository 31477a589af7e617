/**
 * Contracts of the reconciliation service's events: bank transactions, their accepted
 * matches, and the fundings, positions and invoice payments those matches cause.
 */
@NullMarked
package dev.vestline.events.reconciliation;

import org.jspecify.annotations.NullMarked;
