package dev.vestline.signature.signing;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Mints a signer's new single-use link, valid for the configured time, and sends it once
 * the caller's transaction commits.
 */
@Component
class FreshLinks {

	private final LinkProperties links;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	FreshLinks(LinkProperties links, ApplicationEventPublisher events, Clock clock) {
		this.links = links;
		this.events = events;
		this.clock = clock;
	}

	Fresh mint() {
		Instant now = this.clock.instant();
		return new Fresh(LinkToken.mint(), now, now.plus(this.links.ttl()));
	}

	void send(UUID workflowId, String signerId, String role, Fresh fresh, int linkRevision) {
		this.events.publishEvent(new SigningLinkIssued(workflowId, signerId, role,
				this.links.linkFor(fresh.token().value()), fresh.expiresAt(), linkRevision, false));
	}

	/**
	 * @param token the link's token
	 * @param issuedAt when it was minted
	 * @param expiresAt until when it works
	 */
	record Fresh(LinkToken token, Instant issuedAt, Instant expiresAt) {
	}

}
