package dev.vestline.signature.signing;

import java.time.Clock;

import dev.vestline.signature.workflows.SigningWorkflow;
import dev.vestline.signature.workflows.Workflows;
import dev.vestline.support.domain.Conflict;
import dev.vestline.support.domain.Expired;
import dev.vestline.support.domain.NotFound;

import org.springframework.stereotype.Component;

/**
 * Resolves a link's token to the one request it may act on, or the problem to answer: an
 * unknown or malformed token is a 404 that says nothing more, a used one 409, an expired
 * or replaced one 410.
 */
@Component
class SignerAccess {

	static final String UNKNOWN = "No signing request matches this link.";

	private final Signers signers;

	private final Workflows workflows;

	private final Clock clock;

	SignerAccess(Signers signers, Workflows workflows, Clock clock) {
		this.signers = signers;
		this.workflows = workflows;
		this.clock = clock;
	}

	Access open(String token) {
		LinkToken link = new LinkToken(token);
		if (!link.wellFormed()) {
			throw new NotFound(UNKNOWN);
		}
		SignerRequest request = this.signers.byToken(link.sha256()).orElseThrow(() -> new NotFound(UNKNOWN));
		return check(request);
	}

	/** Checks a request again, e.g. after waiting for the lease. */
	Access check(SignerRequest request) {
		switch (request.status()) {
			case SIGNED -> throw new Conflict("This signing link was already used to sign.");
			case DECLINED -> throw new Conflict("This signing link was already used to decline.");
			case VOID -> throw new Expired("link-replaced", "Signing link replaced",
					"This signing link was replaced: the terms were reissued and a new link was sent.");
			case PENDING -> {
			}
		}
		if (!request.linkExpiresAt().isAfter(this.clock.instant())) {
			throw new Expired("link-expired", "Signing link expired",
					"This signing link expired at " + request.linkExpiresAt() + "; ask for a new one.");
		}
		SigningWorkflow workflow = this.workflows.find(request.workflowId()).orElseThrow();
		if (!workflow.isOpen()) {
			throw new Conflict("This document is no longer open for signature: the signing workflow is "
					+ workflow.status().name().toLowerCase() + ".");
		}
		return new Access(request, workflow);
	}

	Access reload(Access access) {
		return check(this.signers.find(access.request().id()).orElseThrow());
	}

	/**
	 * A request that may act now.
	 *
	 * @param request the signer's request
	 * @param workflow its workflow
	 */
	record Access(SignerRequest request, SigningWorkflow workflow) {

		String holder() {
			return this.request.signer().role() + " " + this.request.signer().signerId();
		}

	}

}
