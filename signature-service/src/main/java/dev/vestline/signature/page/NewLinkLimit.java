package dev.vestline.signature.page;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * How often "send me a new link" may be asked: a few times an hour per link, a few more
 * per address it is asked from, so that nobody mails a signer into the ground or probes
 * links in bulk. Counted in fixed hourly windows in this replica's memory: with several
 * replicas the limit is per replica, which still bounds the mails to a small multiple.
 */
@Component
class NewLinkLimit {

	static final Duration WINDOW = Duration.ofHours(1);

	/** Beyond this many keys, old windows are dropped first; then everyone waits. */
	private static final int MAX_KEYS = 50_000;

	private final int perLink;

	private final int perAddress;

	private final Clock clock;

	private final Map<String, Window> windows = new ConcurrentHashMap<>();

	NewLinkLimit(@Value("${vestline.signature.pages.new-links-per-link:3}") int perLink,
			@Value("${vestline.signature.pages.new-links-per-address:20}") int perAddress, Clock clock) {
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
		Instant now = this.clock.instant();
		if (this.windows.size() > MAX_KEYS) {
			this.windows.values().removeIf((window) -> window.over(now));
			if (this.windows.size() > MAX_KEYS) {
				return false;
			}
		}
		boolean linkAllowed = count("link:" + link, now) <= this.perLink;
		boolean addressAllowed = count("address:" + address, now) <= this.perAddress;
		return linkAllowed && addressAllowed;
	}

	private int count(String key, Instant now) {
		return this.windows
			.compute(key, (k, window) -> (window == null || window.over(now)) ? new Window(now, 1) : window.plusOne())
			.count();
	}

	private record Window(Instant start, int count) {

		boolean over(Instant now) {
			return !now.isBefore(this.start.plus(WINDOW));
		}

		Window plusOne() {
			return new Window(this.start, this.count + 1);
		}

	}

}
