package dev.vestline.console.support;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.jspecify.annotations.Nullable;

/**
 * The console's clock in its tests: the system's, until a test stops it at a moment (to
 * make an approval requested a moment ago look an hour old) and lets it run again.
 */
public final class MovableClock extends Clock {

	private volatile @Nullable Instant stoppedAt;

	/** Stops the clock at this moment until {@link #run()}. */
	public void stopAt(Instant moment) {
		this.stoppedAt = moment;
	}

	/** Lets the clock tell the system's time again. */
	public void run() {
		this.stoppedAt = null;
	}

	@Override
	public Instant instant() {
		Instant stopped = this.stoppedAt;
		return (stopped != null) ? stopped : Instant.now();
	}

	@Override
	public ZoneId getZone() {
		return ZoneOffset.UTC;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		throw new UnsupportedOperationException("the console keeps its time in UTC");
	}

}
