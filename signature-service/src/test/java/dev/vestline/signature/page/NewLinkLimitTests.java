package dev.vestline.signature.page;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NewLinkLimitTests {

	MovableClock clock = new MovableClock();

	NewLinkLimit limit = new NewLinkLimit(3, 5, this.clock);

	@Test
	void allowsThreeNewLinksPerLinkAnHour() {
		for (int ask = 0; ask < 3; ask++) {
			assertThat(this.limit.allow("link-a", "198.51.100.7")).isTrue();
		}
		assertThat(this.limit.allow("link-a", "198.51.100.7")).isFalse();
		assertThat(this.limit.allow("link-b", "198.51.100.7")).as("another link from the same address").isTrue();
	}

	@Test
	void allowsFivePerAddressAnHourWhateverTheLinks() {
		for (int ask = 0; ask < 5; ask++) {
			assertThat(this.limit.allow("link-" + ask, "198.51.100.8")).isTrue();
		}
		assertThat(this.limit.allow("link-new", "198.51.100.8")).isFalse();
		assertThat(this.limit.allow("link-new", "203.0.113.9")).as("the same link from elsewhere").isTrue();
	}

	@Test
	void startsCountingAgainAfterAnHour() {
		for (int ask = 0; ask < 4; ask++) {
			this.limit.allow("link-c", "198.51.100.9");
		}
		this.clock.advance(NewLinkLimit.WINDOW);

		assertThat(this.limit.allow("link-c", "198.51.100.9")).isTrue();
	}

	static final class MovableClock extends Clock {

		private Instant now = Instant.parse("2026-12-07T09:00:00Z");

		void advance(Duration by) {
			this.now = this.now.plus(by);
		}

		@Override
		public ZoneOffset getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(java.time.ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return this.now;
		}

	}

}
