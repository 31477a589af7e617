package dev.vestline.support.mail.bounce;

/**
 * What reading one message of the bounce mailbox came to.
 */
public enum Outcome {

	/** It reported a failed delivery of one of our sent mails, now marked bounced. */
	BOUNCED,

	/** Another replica (or an earlier read) recorded it already. */
	ALREADY_READ,

	/** A bounce naming no sent mail of this service's outbox. */
	NOT_OURS,

	/** A message that reports no failed delivery (a delay notice, an auto-reply). */
	NO_FAILURE,

	/** A message that could not be read. */
	UNREADABLE

}
