package dev.vestline.fuzz;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RowCountsTests {

	@Test
	void reportsATableThatGrewOrAppearedAndNotOneThatShrank() {
		Map<String, Long> before = Map.of("outbox_event", 4L, "invoice", 2L, "inbox", 9L);
		Map<String, Long> after = Map.of("outbox_event", 5L, "invoice", 2L, "inbox", 7L, "payment", 1L);

		assertThat(RowCounts.grown(before, after)).containsOnly(Map.entry("outbox_event", "4 -> 5"),
				Map.entry("payment", "0 -> 1"));
	}

}
