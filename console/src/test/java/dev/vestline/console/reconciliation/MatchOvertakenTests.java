package dev.vestline.console.reconciliation;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MatchOvertakenTests {

	private static final Instant AT = Instant.parse("2026-12-07T04:02:11Z");

	@Test
	void namesWhoAcceptedAMatchThePersonWantedToAccept() {
		Overtaken overtaken = Overtaken.of(match("ACCEPTED", "olga", null), "SUGGESTED", 409);

		assertThat(overtaken).isEqualTo(new Overtaken("olga", "accepted it at 2026-12-07 04:02:11 UTC", true));
	}

	@Test
	void namesWhoReversedAMatchThePersonWantedToReverse() {
		Overtaken overtaken = Overtaken.of(match("REVERSED", "olga", "oscar"), "ACCEPTED", 409);

		assertThat(overtaken).isEqualTo(new Overtaken("oscar", "reversed it at 2026-12-07 04:02:11 UTC", true));
	}

	@Test
	void saysAPageWasOutOfDateWhenOnlyTheVersionMoved() {
		Overtaken overtaken = Overtaken.of(match("SUGGESTED", null, null), "SUGGESTED", 412);

		assertThat(overtaken).isNotNull();
		assertThat(overtaken.lostRace()).isFalse();
		assertThat(overtaken.by()).isEqualTo("auto-matching");
	}

	@Test
	void isNoOvertakingWhenTheMatchIsStillAsTheDecisionNeededIt() {
		assertThat(Overtaken.of(match("SUGGESTED", null, null), "SUGGESTED", 409))
			.as("another 409: the service's reason")
			.isNull();
	}

	private static Match match(String status, @Nullable String decidedBy, @Nullable String reversedBy) {
		return new Match(UUID.randomUUID(), UUID.randomUUID(), "SUBSCRIPTION", UUID.randomUUID(), null,
				new BigDecimal("1000.00"), "EUR", "INVESTOR_AMOUNT", status, 3, "auto-matching", AT, decidedBy,
				(decidedBy != null) ? AT : null, reversedBy, (reversedBy != null) ? AT : null, null);
	}

}
