/**
 * The reconciliation service.
 */
@NullMarked
package dev.vestline.reconciliation;

import org.jspecify.annotations.NullMarked;
