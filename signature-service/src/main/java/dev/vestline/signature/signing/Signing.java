package dev.vestline.signature.signing;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import dev.vestline.signature.documents.DocumentVersions;
import dev.vestline.signature.documents.SignatureStamp;
import dev.vestline.signature.lease.Lease;
import dev.vestline.signature.lease.LeaseAcquisition;
import dev.vestline.signature.lease.LeaseLost;
import dev.vestline.signature.signing.SignerAccess.Access;
import dev.vestline.signature.web.ApiProblem;
import dev.vestline.support.idempotency.IdempotencyKey;
import dev.vestline.support.idempotency.IdempotentRequests;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Service;

/**
 * Signs a workflow's document for the holder of a link: takes the workflow's lease,
 * stamps the signature on the latest version outside any transaction, then commits under
 * the lease's fencing token. Two signers at once are serialised by the lease, so each
 * stamps on the other's version and both end up in the final document.
 */
@Service
class Signing {

	private final SignerAccess access;

	private final LeaseAcquisition leases;

	private final DocumentVersions documents;

	private final SigningCommit commit;

	private final IdempotentRequests requests;

	private final Clock clock;

	Signing(SignerAccess access, LeaseAcquisition leases, DocumentVersions documents, SigningCommit commit,
			IdempotentRequests requests, Clock clock) {
		this.requests = requests;
		this.access = access;
		this.leases = leases;
		this.documents = documents;
		this.commit = commit;
		this.clock = clock;
	}

	public SignedDocument sign(String token, String typedName, SignatureEvidence evidence) {
		return complete(prepare(token, typedName, evidence, null));
	}

	/**
	 * Signs, or answers a retry with the same key with the first response (marked
	 * {@code Idempotent-Replayed}).
	 * @param token the link's token
	 * @param typedName the name to stamp
	 * @param evidence what the request showed about the signer
	 * @param idempotencyKey the client's {@code Idempotency-Key}
	 * @return what the signature produced, now or the first time
	 */
	public ResponseEntity<?> sign(String token, String typedName, SignatureEvidence evidence, String idempotencyKey) {
		// scoped to the link, not to a caller: the link's token is the signer's only
		// credential
		IdempotencyKey key = this.requests.key("link:" + new LinkToken(token).scope(), "sign", idempotencyKey,
				(typedName + "\u0000consent").getBytes(StandardCharsets.UTF_8));
		Optional<ResponseEntity<String>> first = this.requests.replayed(key);
		if (first.isPresent()) {
			return first.get();
		}
		try {
			return ResponseEntity.ok(complete(prepare(token, typedName, evidence, key)));
		}
		catch (ApiProblem ex) {
			// a concurrent retry with the same key committed first: answer as it was
			// answered
			return this.requests.replayed(key).orElseThrow(() -> ex);
		}
	}

	/** First half: lease taken, signature stamped; a stalled holder stops here. */
	PreparedSignature prepare(String token, String typedName) {
		return prepare(token, typedName, SignatureEvidence.NONE, null);
	}

	private PreparedSignature prepare(String token, String typedName, SignatureEvidence evidence,
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

	/** Second half: commits only if the lease's fencing token is still current. */
	SignedDocument complete(PreparedSignature prepared) {
		try {
			return this.commit.commit(prepared);
		}
		catch (LeaseLost ex) {
			this.leases.fenced(prepared.lease());
			throw ex;
		}
		finally {
			this.leases.release(prepared.lease()); // a no-op once committed or taken over
		}
	}

}
