package dev.vestline.console.approvals;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class QueueRowTests {

	private static final Instant NOW = Instant.parse("2026-12-07T01:00:00Z");

	@Test
	void saysHowLongAnApprovalHasWaitedInWords() {
		assertThat(QueueRow.age(NOW.minusSeconds(20), NOW)).isEqualTo("just now");
		assertThat(QueueRow.age(NOW.minusSeconds(60), NOW)).isEqualTo("1 minute ago");
		assertThat(QueueRow.age(NOW.minusSeconds(3 * 3600 + 5), NOW)).isEqualTo("3 hours ago");
		assertThat(QueueRow.age(NOW.minusSeconds(2 * 86400), NOW)).isEqualTo("2 days ago");
	}

}
