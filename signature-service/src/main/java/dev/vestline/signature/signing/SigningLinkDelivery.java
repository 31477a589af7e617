package dev.vestline.signature.signing;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Hands issued links to signers. There is no mail or notification integration yet: the
 * link is logged, with its token only when {@code vestline.signature.links.log-urls} is
 * set (local runs).
 */
@Component
class SigningLinkDelivery {

	private static final Logger logger = LoggerFactory.getLogger(SigningLinkDelivery.class);

	private final LinkProperties properties;

	SigningLinkDelivery(LinkProperties properties) {
		this.properties = properties;
	}

	@TransactionalEventListener
	void deliver(SigningLinkIssued issued) {
		String link = this.properties.logUrls() ? issued.link().toString() : "(link not logged)";
		logger.info("Signing link for {} {} of workflow {}, valid until {}: {}", issued.role(), issued.signerId(),
				issued.workflowId(), issued.expiresAt(), link);
	}

}
