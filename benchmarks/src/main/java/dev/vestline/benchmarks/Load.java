package dev.vestline.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongConsumer;

/**
 * A steady offered load: the n-th event is due at start + n / rate, whatever happened to
 * the ones before (a late event is sent at once, not skipped). Four producing threads
 * take turns, as four request threads of a service would, so that one slow commit does
 * not hold back the events due after it.
 */
final class Load {

	static final int THREADS = 4;

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
		List<Thread> threads = new ArrayList<>();
		for (int t = 0; t < THREADS; t++) {
			int first = t;
			threads.add(Thread.ofPlatform().name("load-" + t).start(() -> {
				for (long n = first; n < total; n += THREADS) {
					// parkNanos may return early (a connection pool's hand-off can leave
					// a permit): park again until the event is due
					long due = start + n * intervalNanos;
					for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
						LockSupport.parkNanos(wait);
					}
					publish.accept(n);
				}
			}));
		}
		for (Thread thread : threads) {
			try {
				thread.join();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}
		return total / ((System.nanoTime() - start) / 1e9);
	}

}
