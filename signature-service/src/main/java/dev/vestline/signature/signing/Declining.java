package dev.vestline.signature.signing;

import java.time.Clock;
import java.time.Instant;

import dev.vestline.signature.signing.SignerAccess.Access;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A signer declines: the request is used and the workflow ends as declined, which the
 * approval service learns as {@code SigningWorkflowFailed} so it can compensate. A signer
 * mid-signature loses the lease and cannot commit.
 */
@Service
public class Declining {

	private final SignerAccess access;

	private final FencedCommit fenced;

	private final SignerOutcomes outcomes;

	private final Clock clock;

	Declining(SignerAccess access, FencedCommit fenced, SignerOutcomes outcomes, Clock clock) {
		this.access = access;
		this.fenced = fenced;
		this.outcomes = outcomes;
		this.clock = clock;
	}

	@Transactional
	public void decline(String token, String reason) {
		Access found = this.access.open(token);
		SignerRequest request = found.request();
		Instant now = this.clock.instant();
		String role = request.signer().role();
		String why = "The " + role.toLowerCase() + " declined to sign: " + reason;
		this.fenced.declined(found, reason, why, now);
		this.outcomes.declined(found, reason, why, now);
	}

}
