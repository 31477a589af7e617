package dev.vestline.benchmarks;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * Times a measurement and waits for its end by polling a cheap in-memory condition.
 */
final class Stopwatch {

	private final long start = System.nanoTime();

	static Stopwatch start() {
		return new Stopwatch();
	}

	/**
	 * @param count how many events were handled since the start
	 * @return events per second
	 */
	double rate(long count) {
		return count / seconds();
	}

	double seconds() {
		return (System.nanoTime() - this.start) / 1e9;
	}

	/**
	 * Waits until the condition holds.
	 * @param condition what ends the measurement
	 * @param timeout when to give up
	 * @param what the name of the measurement, for the error
	 */
	static void awaitUntil(BooleanSupplier condition, Duration timeout, String what) {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException(what + " did not finish within " + timeout);
			}
			sleep(5);
		}
	}

	static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
