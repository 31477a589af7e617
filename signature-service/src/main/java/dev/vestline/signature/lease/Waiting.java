package dev.vestline.signature.lease;

import java.time.Duration;

/**
 * The time a lease waiter reads and the pause it takes between attempts. The real one
 * reads the monotonic clock and sleeps; a test passes one whose time moves only when it
 * pauses, so that the backoff's arithmetic is checked without depending on how busy the
 * machine is.
 */
interface Waiting {

	Waiting SYSTEM = new Waiting() {

		@Override
		public long nanoTime() {
			return System.nanoTime();
		}

		@Override
		public void pause(Duration duration) throws InterruptedException {
			Thread.sleep(duration);
		}

	};

	long nanoTime();

	void pause(Duration duration) throws InterruptedException;

}
