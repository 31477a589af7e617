package dev.vestline.signature.signing;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.uuid.Generators;
import dev.vestline.events.signature.Signer;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Invites the signers of a workflow revision: one request and one fresh single-use link
 * each, mailed once the caller's transaction commits.
 */
@Component
@EnableConfigurationProperties(LinkProperties.class)
public class SignerInvitations {

	private final Signers signers;

	private final LinkProperties links;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	SignerInvitations(Signers signers, LinkProperties links, ApplicationEventPublisher events, Clock clock) {
		this.signers = signers;
		this.links = links;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * @param workflowId the workflow
	 * @param revision the revision to sign
	 * @param parties who signs, in stamp order
	 */
	public void invite(UUID workflowId, int revision, List<Signer> parties) {
		Instant now = this.clock.instant();
		Instant expiresAt = now.plus(this.links.ttl());
		for (int slot = 0; slot < parties.size(); slot++) {
			Signer signer = parties.get(slot);
			LinkToken token = LinkToken.mint();
			int linkRevision = this.signers.add(Generators.timeBasedEpochGenerator().generate(), workflowId, revision,
					signer, slot, token.sha256(), now, expiresAt);
			this.events.publishEvent(new SigningLinkIssued(workflowId, signer.signerId(), signer.role(),
					this.links.linkFor(token.value()), expiresAt, linkRevision, false));
		}
	}

}
