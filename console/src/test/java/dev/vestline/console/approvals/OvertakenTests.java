package dev.vestline.console.approvals;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OvertakenTests {

	private static final Instant NOW = Instant.parse("2026-12-07T01:00:00Z");

	@Test
	void namesWhoseChangeCameLastAndSkipsRefusedAttempts() {
		List<HistoryEntry> history = List.of(new HistoryEntry("REQUESTED", "ingrid", NOW, null, "PENDING", null),
				new HistoryEntry("STEP_APPROVED", "cleo", NOW.plusSeconds(5), 1, "PENDING", null),
				new HistoryEntry("DECISION_REFUSED", "carla", NOW.plusSeconds(6), null, null, "lost-race: ..."));

		Overtaken overtaken = Overtaken.from(history, true);

		assertThat(overtaken.by()).isEqualTo("cleo");
		assertThat(overtaken.what()).isEqualTo("approved step 1");
		assertThat(overtaken.lostRace()).isTrue();
	}

	@Test
	void saysARejectionWithItsStep() {
		Overtaken overtaken = Overtaken
			.from(List.of(new HistoryEntry("REJECTED", "cleo", NOW, 1, "REJECTED", "incomplete KYC")), false);

		assertThat(overtaken.what()).isEqualTo("rejected step 1");
	}

}
