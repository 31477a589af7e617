/**
 * Investor positions per vehicle, their append-only movements, and the per-vehicle unit
 * price.
 */
@NullMarked
package dev.vestline.reconciliation.positions;

import org.jspecify.annotations.NullMarked;
