package dev.vestline.signature.signing;

import java.nio.charset.StandardCharsets;

import dev.vestline.signature.lease.LeaseAcquisition;
import dev.vestline.signature.lease.LeaseLost;
import dev.vestline.support.idempotency.IdempotencyKey;
import dev.vestline.support.idempotency.IdempotentRequests;

import org.springframework.stereotype.Service;

/**
 * Signs a workflow's document for the holder of a link: takes the workflow's lease,
 * stamps the signature on the latest version outside any transaction, then commits under
 * the lease's fencing token. Two signers at once are serialised by the lease, so each
 * stamps on the other's version and both end up in the final document.
 */
@Service
public class Signing {

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
	 * Signs once per key: the answer is remembered with the signature's commit, so that
	 * the web layer can replay it to a retry ({@link IdempotentRequests}).
	 * @param token the link's token
	 * @param typedName the name to stamp
	 * @param evidence what the request showed about the signer
	 * @param key the signing's key, from {@link #idempotencyKey}
	 * @return what the signature produced
	 */
	public SignedDocument sign(String token, String typedName, SignatureEvidence evidence, IdempotencyKey key) {
		return complete(this.preparation.prepare(token, typedName, evidence, key));
	}

	/**
	 * @param token the link's token
	 * @param typedName the name to stamp
	 * @param idempotencyKey the client's {@code Idempotency-Key}
	 * @return the key of this signing: scoped to the link, not to a caller, since the
	 * link's token is the signer's only credential
	 */
	public IdempotencyKey idempotencyKey(String token, String typedName, String idempotencyKey) {
		return this.requests.key("link:" + new LinkToken(token).scope(), "sign", idempotencyKey,
				(typedName + "\u0000consent").getBytes(StandardCharsets.UTF_8));
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
