package dev.vestline.signature.signing;

import java.time.Clock;
import java.time.Instant;

import dev.vestline.signature.documents.DocumentVersions;
import dev.vestline.signature.documents.SignatureStamp;
import dev.vestline.signature.lease.Lease;
import dev.vestline.signature.lease.LeaseAcquisition;
import dev.vestline.signature.signing.SignerAccess.Access;
import dev.vestline.support.idempotency.IdempotencyKey;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * The first half of a signature, outside any transaction: takes the workflow's lease and
 * stamps the signature on the latest version, which another party may have signed while
 * this one waited for the lease.
 */
@Component
class SignaturePreparation {

	private final SignerAccess access;

	private final LeaseAcquisition leases;

	private final DocumentVersions documents;

	private final Clock clock;

	SignaturePreparation(SignerAccess access, LeaseAcquisition leases, DocumentVersions documents, Clock clock) {
		this.access = access;
		this.leases = leases;
		this.documents = documents;
		this.clock = clock;
	}

	PreparedSignature prepare(String token, String typedName, SignatureEvidence evidence,
			@Nullable IdempotencyKey key) {
		Access found = this.access.open(token);
		Lease lease = this.leases.acquire(found.workflow().id(), found.holder());
		try {
			Access current = this.access.reload(found); // another party may have signed
														// meanwhile
			var latest = this.documents.content(current.workflow().id(), current.workflow().documentVersion())
				.orElseThrow();
			Instant now = this.clock.instant();
			SignatureStamp stamp = new SignatureStamp(typedName, current.request().signer().role(),
					current.request().signer().signerId(), now, latest.version().version() + 1,
					current.request().slot());
			return new PreparedSignature(lease, current, latest.version(), stamp.applyTo(latest.bytes()), typedName,
					now, evidence, key);
		}
		catch (RuntimeException ex) {
			this.leases.release(lease);
			throw ex;
		}
	}

}
