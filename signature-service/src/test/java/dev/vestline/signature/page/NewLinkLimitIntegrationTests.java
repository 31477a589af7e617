package dev.vestline.signature.page;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import dev.vestline.messaging.autoconfigure.MessagingAutoConfiguration;
import dev.vestline.support.idempotency.IdempotencyAutoConfiguration;
import dev.vestline.support.mail.MailAutoConfiguration;
import dev.vestline.testharness.SchemaUnderTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The new-link limit counts in PostgreSQL, so it holds across replicas: two replicas
 * asked at the same moment count every request once.
 */
class NewLinkLimitIntegrationTests {

	static SchemaUnderTest schema;

	MovableClock clock = new MovableClock();

	NewLinkLimit limit;

	@BeforeAll
	static void migrate() {
		schema = SchemaUnderTest.provision("signature");
		schema.migrate(null, "classpath:db/migration", MessagingAutoConfiguration.MIGRATIONS,
				IdempotencyAutoConfiguration.MIGRATIONS, MailAutoConfiguration.MIGRATIONS);
	}

	@AfterAll
	static void drop() {
		schema.close();
	}

	@BeforeEach
	void emptyCounts() {
		JdbcClient.create(schema.dataSource()).sql("DELETE FROM new_link_request").update();
		this.limit = replica();
	}

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
	void startsCountingAgainInTheNextWindowAndSaysWhenThatIs() {
		for (int ask = 0; ask < 4; ask++) {
			this.limit.allow("link-c", "198.51.100.9");
		}
		this.clock.advance(Duration.ofMinutes(20));
		assertThat(this.limit.allow("link-c", "198.51.100.9")).isFalse();
		assertThat(this.limit.retryAfter()).isEqualTo(Duration.ofMinutes(40));

		this.clock.advance(Duration.ofMinutes(40));

		assertThat(this.limit.allow("link-c", "198.51.100.9")).isTrue();
	}

	@Test
	void forgetsTheWindowsBeforeThePreviousOne() {
		this.limit.allow("link-d", "198.51.100.10");
		this.clock.advance(NewLinkLimit.WINDOW);
		this.limit.allow("link-d", "198.51.100.10");
		this.clock.advance(NewLinkLimit.WINDOW);

		assertThat(this.limit.forgetOldWindows()).as("the link's and the address's first window").isEqualTo(2);
		assertThat(JdbcClient.create(schema.dataSource())
			.sql("SELECT count(*) FROM new_link_request")
			.query(Integer.class)
			.single()).isEqualTo(2);
	}

	@RepeatedTest(5)
	void twoReplicasAskedTwentyTimesAtOnceForOneLinkSendThreeNewLinks() throws Exception {
		List<NewLinkLimit> replicas = List.of(replica(), replica());
		ExecutorService pool = Executors.newFixedThreadPool(20);
		try {
			CyclicBarrier start = new CyclicBarrier(20);
			List<Future<Boolean>> asks = IntStream.range(0, 20).mapToObj((ask) -> pool.submit(() -> {
				start.await(60, TimeUnit.SECONDS);
				return replicas.get(ask % 2).allow("link-raced", "198.51.100." + ask);
			})).toList();
			int allowed = 0;
			for (Future<Boolean> ask : asks) {
				allowed += ask.get(120, TimeUnit.SECONDS) ? 1 : 0;
			}
			assertThat(allowed).isEqualTo(3);
		}
		finally {
			pool.shutdownNow();
		}
	}

	private NewLinkLimit replica() {
		return new NewLinkLimit(schema.dataSource(), 3, 5, this.clock);
	}

	static final class MovableClock extends Clock {

		private volatile Instant now = Instant.parse("2026-12-07T09:00:00Z");

		void advance(Duration by) {
			this.now = this.now.plus(by);
		}

		@Override
		public ZoneOffset getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return this.now;
		}

	}

}
