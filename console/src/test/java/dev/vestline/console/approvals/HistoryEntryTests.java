package dev.vestline.console.approvals;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HistoryEntryTests {

	private static final Instant AT = Instant.parse("2026-12-07T01:00:00Z");

	@Test
	void tellsARefusedDecisionByWhatRefusedItNotByTheServicesSlug() {
		HistoryEntry stale = refused("stale-version: The approval changed since you read it");
		assertThat(stale.actionInWords()).isEqualTo("tried to decide from a page that was out of date");
		assertThat(stale.reasonInWords()).isEqualTo("The approval changed since you read it");

		HistoryEntry lost = refused("lost-race: Someone else changed the approval at the same moment");
		assertThat(lost.actionInWords()).isEqualTo("tried to decide, but someone decided a moment earlier");
		assertThat(lost.reasonInWords()).isEqualTo("Someone else changed the approval at the same moment");

		assertThat(refused("over-capacity: Granting 10 EUR would oversubscribe the deal").actionInWords())
			.isEqualTo("tried to approve beyond the deal's capacity");
		assertThat(refused("approval-expired: The approval expired").actionInWords())
			.isEqualTo("tried to decide after it expired");
		assertThat(refused("already-decided: The approval is GRANTED").actionInWords())
			.isEqualTo("tried to decide after it was decided");
		assertThat(refused("something-new: A reason nobody foresaw").actionInWords())
			.isEqualTo("tried to decide, refused");
	}

	@Test
	void keepsAnyOtherReasonAsThePersonWroteIt() {
		HistoryEntry rejected = new HistoryEntry("REJECTED", "carla", AT, 1, "REJECTED",
				"kyc: passport expired, see notes");
		assertThat(rejected.reasonInWords()).isEqualTo("kyc: passport expired, see notes");
		assertThat(new HistoryEntry("REQUESTED", "arranger", AT, null, "PENDING", null).reasonInWords()).isEmpty();
	}

	private static HistoryEntry refused(String reason) {
		return new HistoryEntry("DECISION_REFUSED", "cleo", AT, null, null, reason);
	}

}
