package dev.vestline.console.approvals;

import java.time.Duration;
import java.time.Instant;

/**
 * One pending approval in the queue, with its deal and whether the person's roles fit its
 * current step.
 *
 * @param approval the approval
 * @param deal its deal, for the capacity bar
 * @param yours whether the current step waits for one of the person's roles
 * @param age how long ago it was requested, in words
 */
record QueueRow(Approval approval, Deal deal, boolean yours, String age) {

	static String age(Instant since, Instant now) {
		Duration age = Duration.between(since, now);
		if (age.toMinutes() < 1) {
			return "just now";
		}
		if (age.toHours() < 1) {
			return plural(age.toMinutes(), "minute") + " ago";
		}
		if (age.toDays() < 1) {
			return plural(age.toHours(), "hour") + " ago";
		}
		return plural(age.toDays(), "day") + " ago";
	}

	private static String plural(long count, String unit) {
		return count + " " + unit + ((count == 1) ? "" : "s");
	}

}
