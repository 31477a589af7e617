/**
 * The lease that lets one signer at a time stamp a workflow's document, its fencing token
 * and its reaper.
 */
@NullMarked
package dev.vestline.signature.lease;

import org.jspecify.annotations.NullMarked;
