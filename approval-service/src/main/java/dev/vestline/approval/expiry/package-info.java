/**
 * Expiry of approvals nobody decided in time, safe with any number of replicas.
 */
@NullMarked
package dev.vestline.approval.expiry;

import org.jspecify.annotations.NullMarked;
