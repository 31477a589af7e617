package dev.vestline.signature.lease;

import java.time.Instant;
import java.util.UUID;

/**
 * The right to change one workflow's document until it expires, proven at commit by its
 * fencing token.
 *
 * @param workflowId the workflow
 * @param holder who holds it
 * @param fencingToken the token; a later lease of the same workflow has a greater one
 * @param expiresAt when it expires
 */
public record Lease(UUID workflowId, String holder, long fencingToken, Instant expiresAt) {

}
