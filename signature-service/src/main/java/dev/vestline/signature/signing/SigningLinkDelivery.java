package dev.vestline.signature.signing;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Hands issued links to signers. There is no mail or notification integration yet: the
 * link is logged, with its token only when {@code vestline.signature.links.log-urls} is
 * set (local runs).
 */
@Component
class SigningLinkDelivery {

	private static final Log logger = LogFactory.getLog(SigningLinkDelivery.class);

	private final LinkProperties properties;

	SigningLinkDelivery(LinkProperties properties) {
		this.properties = properties;
	}

	@TransactionalEventListener
	void deliver(SigningLinkIssued issued) {
		String link = this.properties.logUrls() ? issued.link().toString() : "(link not logged)";
		logger.info("Signing link for " + issued.role() + " " + issued.signerId() + " of workflow "
				+ issued.workflowId() + ", valid until " + issued.expiresAt() + ": " + link);
	}

}
