package dev.vestline.console.signing;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Why a change to a workflow did not count: someone changed it after the person's page
 * was rendered, a moment before (409: it is no longer open) or earlier (412: a stale
 * view). Told as who did what, read back from the workflow's audit log.
 *
 * @param by who changed it last
 * @param what what they did, in words
 * @param entry the audit line it was read from, for when it happened
 * @param noLongerOpen whether the workflow ended (409) rather than the page being older
 * than a change (412)
 */
record ChangedSince(String by, String what, @Nullable AuditEntry entry, boolean noLongerOpen) {

	static ChangedSince from(List<AuditEntry> audit, boolean noLongerOpen) {
		for (int i = audit.size() - 1; i >= 0; i--) {
			AuditEntry entry = audit.get(i);
			// completion and the seal follow the last signature: the signer is the news
			if (entry.changedSomething() && !"COMPLETED".equals(entry.action()) && !"SEALED".equals(entry.action())) {
				return new ChangedSince(entry.actor(), entry.actionInWords(), entry, noLongerOpen);
			}
		}
		return new ChangedSince("someone", "changed it", null, noLongerOpen);
	}

}
