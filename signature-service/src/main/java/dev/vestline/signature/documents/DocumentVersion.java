package dev.vestline.signature.documents;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * One version of a workflow's document, without its bytes.
 *
 * @param version 1-based
 * @param revision the terms revision it belongs to
 * @param sha256 the SHA-256 of its bytes, lowercase hex
 * @param parentSha256 the SHA-256 of the version it was made from; {@code null} for
 * version 1
 * @param signerId the signer (a signer row id) whose signature produced it, or
 * {@code null} for a freshly rendered document
 * @param createdAt when it was made
 */
public record DocumentVersion(int version, int revision, String sha256, @Nullable String parentSha256,
		@Nullable UUID signerId, Instant createdAt) {

}
