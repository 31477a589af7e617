package dev.vestline.signature.page;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import javax.sql.DataSource;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * How often "send me a new link" may be asked: a few times an hour per link, a few more
 * per address it is asked from, so that nobody mails a signer into the ground or probes
 * links in bulk. Counted in fixed hourly windows in PostgreSQL, one count for all
 * replicas: each request adds one with an upsert, so two replicas counting at the same
 * moment both count.
 */
class NewLinkLimit {

	static final Duration WINDOW = Duration.ofHours(1);

	private final JdbcClient jdbc;

	private final int perLink;

	private final int perAddress;

	private final Clock clock;

	NewLinkLimit(DataSource dataSource, int perLink, int perAddress, Clock clock) {
		this.jdbc = JdbcClient.create(dataSource);
		this.perLink = perLink;
		this.perAddress = perAddress;
		this.clock = clock;
	}

	/**
	 * Counts one request, and says whether it may go ahead.
	 * @param link the link, as its hash
	 * @param address the address it is asked from
	 * @return whether both are under their limit
	 */
	boolean allow(String link, String address) {
		Instant window = windowOf(this.clock.instant());
		boolean linkAllowed = count("link:" + link, window) <= this.perLink;
		boolean addressAllowed = count("address:" + address, window) <= this.perAddress;
		return linkAllowed && addressAllowed;
	}

	/**
	 * @return how long until the current window ends and counting starts again
	 */
	Duration retryAfter() {
		Instant now = this.clock.instant();
		return Duration.between(now, windowOf(now).plus(WINDOW));
	}

	/**
	 * Forgets the windows before the previous one.
	 * @return how many
	 */
	int forgetOldWindows() {
		return this.jdbc.sql("DELETE FROM new_link_request WHERE window_start < ?")
			.param(Timestamp.from(windowOf(this.clock.instant()).minus(WINDOW)))
			.update();
	}

	private int count(String subject, Instant window) {
		return this.jdbc.sql("""
				INSERT INTO new_link_request (subject, window_start, requests) VALUES (?, ?, 1)
				    ON CONFLICT (subject, window_start) DO UPDATE SET requests = new_link_request.requests + 1
				RETURNING requests
				""").params(subject, Timestamp.from(window)).query(Integer.class).single();
	}

	private static Instant windowOf(Instant instant) {
		long size = WINDOW.toSeconds();
		return Instant.ofEpochSecond(Math.floorDiv(instant.getEpochSecond(), size) * size);
	}

}
