package dev.vestline.signature.lease;

import dev.vestline.support.domain.Conflict;

/**
 * The commit of a signature was refused because its lease's fencing token is no longer
 * current: the lease expired and was taken over or reaped, or the workflow changed.
 */
public class LeaseLost extends Conflict {

	public LeaseLost() {
		super("lease-lost", "Signing session expired",
				"Your signing session expired before your signature was saved, and the document "
						+ "may have changed since. Nothing was signed; open your link again to sign the current document.");
	}

}
