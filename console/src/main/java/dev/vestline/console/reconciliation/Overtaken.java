package dev.vestline.console.reconciliation;

import org.jspecify.annotations.Nullable;

/**
 * Why a decision on a match did not count: someone else decided it after the person's
 * page was rendered. Told from the match as it is now: who, what, when.
 *
 * @param by who decided it
 * @param what what they did and when, in words: "accepted it at …"
 * @param lostRace whether both arrived at the same moment (409) rather than the page
 * being older than the change (412)
 */
record Overtaken(String by, String what, boolean lostRace) {

	/**
	 * @param current the match, read again after the refusal
	 * @param expected the status the decision needed ({@code SUGGESTED} to accept or
	 * reject, {@code ACCEPTED} to reverse)
	 * @return who overtook the person, or {@code null} when the match is still as the
	 * decision needed it (the refusal had another reason)
	 */
	static @Nullable Overtaken of(Match current, String expected, int status) {
		if (current.status().equals(expected) && status != 412) {
			return null;
		}
		String by = switch (current.status()) {
			case "SUGGESTED" -> current.createdBy();
			case "REVERSED" -> current.reversedBy();
			default -> current.decidedBy();
		};
		return new Overtaken((by != null) ? by : "someone", current.lastActionInWords(), status == 409);
	}

}
