/**
 * Approvals: requested with a chain of steps from the policy, decided step by step
 * exactly once, cancelled, and shown with their history.
 */
@NullMarked
package dev.vestline.approval.approvals;

import org.jspecify.annotations.NullMarked;
