/**
 * The audit log of approvals: every decision, lost race, expiry and compensation with
 * actor, time and reason.
 */
@NullMarked
package dev.vestline.approval.audit;

import org.jspecify.annotations.NullMarked;
