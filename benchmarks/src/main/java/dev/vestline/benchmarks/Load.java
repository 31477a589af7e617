package dev.vestline.benchmarks;

import java.util.concurrent.locks.LockSupport;
import java.util.function.LongConsumer;

/**
 * A steady offered load: the n-th event is due at start + n / rate, whatever happened to
 * the ones before (no coordinated omission: a late event is sent at once, not skipped).
 */
final class Load {

	private Load() {
	}

	/**
	 * @param rate events per second
	 * @param seconds for how long
	 * @param publish publishes the event with the given sequence, committing it
	 * @return the rate actually achieved, events per second
	 */
	static double offer(int rate, int seconds, LongConsumer publish) {
		long total = (long) rate * seconds;
		long intervalNanos = 1_000_000_000L / rate;
		long start = System.nanoTime();
		for (long n = 0; n < total; n++) {
			long due = start + n * intervalNanos;
			long wait = due - System.nanoTime();
			if (wait > 0) {
				LockSupport.parkNanos(wait);
			}
			publish.accept(n);
		}
		return total / ((System.nanoTime() - start) / 1e9);
	}

}
