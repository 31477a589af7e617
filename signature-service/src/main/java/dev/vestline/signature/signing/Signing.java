package dev.vestline.signature.signing;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import dev.vestline.signature.lease.LeaseAcquisition;
import dev.vestline.signature.lease.LeaseLost;
import dev.vestline.support.domain.DomainException;
import dev.vestline.support.idempotency.IdempotencyKey;
import dev.vestline.support.idempotency.IdempotentRequests;

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

	private final SignaturePreparation preparation;

	private final LeaseAcquisition leases;

	private final SigningCommit commit;

	private final IdempotentRequests requests;

	Signing(SignaturePreparation preparation, LeaseAcquisition leases, SigningCommit commit,
			IdempotentRequests requests) {
		this.preparation = preparation;
		this.leases = leases;
		this.commit = commit;
		this.requests = requests;
	}

	public SignedDocument sign(String token, String typedName, SignatureEvidence evidence) {
		return complete(this.preparation.prepare(token, typedName, evidence, null));
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
			return ResponseEntity.ok(complete(this.preparation.prepare(token, typedName, evidence, key)));
		}
		catch (DomainException ex) {
			// a concurrent retry with the same key committed first: answer as it was
			// answered
			return this.requests.replayed(key).orElseThrow(() -> ex);
		}
	}

	/** First half: lease taken, signature stamped; a stalled holder stops here. */
	PreparedSignature prepare(String token, String typedName) {
		return this.preparation.prepare(token, typedName, SignatureEvidence.NONE, null);
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
