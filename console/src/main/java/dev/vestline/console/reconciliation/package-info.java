/**
 * The reconciliation desk: bank statements uploaded to reconciliation-service, the lines
 * waiting for a match with their suggestions, accepting, rejecting, matching by hand and
 * reversing, and investors' positions with their movements; an acceptance someone else
 * made first explained by who made it.
 */
@NullMarked
package dev.vestline.console.reconciliation;

import org.jspecify.annotations.NullMarked;
