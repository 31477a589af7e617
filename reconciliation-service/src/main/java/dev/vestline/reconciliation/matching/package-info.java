/**
 * Matches of bank transactions to expected money: suggested, created by hand, accepted
 * once, rejected or reversed.
 */
@NullMarked
package dev.vestline.reconciliation.matching;

import org.jspecify.annotations.NullMarked;
