package dev.vestline.console.approvals;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Why a decision did not count: someone changed the approval after the person's page was
 * rendered (a lost race, 409, or a stale view, 412). Told as who did what, read back from
 * the approval's history, and what the approval is now.
 *
 * @param by who changed it last
 * @param what what they did, in words
 * @param entry the history line it was read from, for when it happened
 * @param lostRace whether both decisions arrived at the same moment (409) rather than the
 * page being older than the change (412)
 */
record Overtaken(String by, String what, @Nullable HistoryEntry entry, boolean lostRace) {

	static Overtaken from(List<HistoryEntry> history, boolean lostRace) {
		for (int i = history.size() - 1; i >= 0; i--) {
			HistoryEntry entry = history.get(i);
			if (entry.changedSomething()) {
				return new Overtaken(entry.actor(), entry.actionInWords(), entry, lostRace);
			}
		}
		return new Overtaken("someone", "changed it", null, lostRace);
	}

}
