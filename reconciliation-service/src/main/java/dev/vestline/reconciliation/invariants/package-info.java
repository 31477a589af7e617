/**
 * The scheduled check that positions and fundings still add up to their movements and
 * matches.
 */
@NullMarked
package dev.vestline.reconciliation.invariants;

import org.jspecify.annotations.NullMarked;
