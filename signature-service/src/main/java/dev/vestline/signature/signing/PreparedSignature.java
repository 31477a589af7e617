package dev.vestline.signature.signing;

import java.time.Instant;

import dev.vestline.signature.documents.DocumentVersion;
import dev.vestline.signature.lease.Lease;
import dev.vestline.signature.signing.SignerAccess.Access;
import dev.vestline.support.idempotency.IdempotencyKey;
import org.jspecify.annotations.Nullable;

/**
 * A signature stamped under a lease, not yet committed.
 *
 * @param lease the lease it was stamped under
 * @param access the signer and workflow as read under the lease
 * @param parent the version it was stamped on
 * @param pdf the new version's bytes
 * @param typedName the name the signer typed
 * @param signedAt when
 * @param evidence what the request showed about the signer
 * @param idempotencyKey the client's key for this request, if it sent one
 */
record PreparedSignature(Lease lease, Access access, DocumentVersion parent, byte[] pdf, String typedName,
		Instant signedAt, SignatureEvidence evidence, @Nullable IdempotencyKey idempotencyKey) {

	int version() {
		return this.parent.version() + 1;
	}

}
