package dev.vestline.platform;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

/**
 * Drives {@link FundedSubscription}s against a running platform, closed (a number of
 * callers, each starting its next flow when the last one ended: the platform's rate at
 * that concurrency) or open (a new flow every 1/rate seconds, whatever the others do: the
 * latency at a given rate).
 */
final class SubscriptionLoad {

	private final LocalPlatform platform;

	private final UUID vehicle;

	private final SigningLinks links;

	SubscriptionLoad(LocalPlatform platform) {
		this.platform = platform;
		this.vehicle = FundedSubscription.setUpVehicle(platform);
		this.links = new SigningLinks(platform.mailbox());
	}

	/**
	 * @param callers flows at once
	 * @param window how long the rate is counted, after every caller finished a flow
	 * @param calls where the answers go
	 * @return the flows that ended inside the window
	 */
	Run closed(int callers, Duration window, ApiCalls calls) throws InterruptedException {
		Flows flows = new Flows();
		AtomicBoolean stop = new AtomicBoolean();
		List<Thread> threads = new ArrayList<>();
		for (int i = 0; i < callers; i++) {
			threads.add(Thread.ofPlatform().name("caller-" + i).start(() -> {
				while (!stop.get()) {
					flows.run(() -> new FundedSubscription(this.platform, this.vehicle, this.links, calls).run());
				}
			}));
		}
		long rampUntil = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
		while (flows.ended() < callers && System.nanoTime() < rampUntil) {
			LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(200));
		}
		long from = System.nanoTime();
		LockSupport.parkNanos(window.toNanos());
		long to = System.nanoTime();
		stop.set(true);
		for (Thread thread : threads) {
			thread.join();
		}
		return flows.between(from, to);
	}

	/**
	 * @param perSecond flows started per second
	 * @param window how long flows are started
	 * @param calls where the answers go
	 * @return every flow started, once all ended
	 */
	Run open(double perSecond, Duration window, ApiCalls calls) throws InterruptedException {
		Flows flows = new Flows();
		long interval = (long) (TimeUnit.SECONDS.toNanos(1) / perSecond);
		long start = System.nanoTime();
		long end = start + window.toNanos();
		try (ExecutorService callers = Executors.newCachedThreadPool()) {
			for (long due = start; due < end; due += interval) {
				LockSupport.parkNanos(due - System.nanoTime()); // late: at once, never
																// skipped
				callers.execute(() -> flows
					.run(() -> new FundedSubscription(this.platform, this.vehicle, this.links, calls).run()));
			}
		}
		return flows.between(start, Long.MAX_VALUE);
	}

	/** Flows as they end: when, how long they took, or why they failed. */
	private static final class Flows {

		private final ConcurrentLinkedQueue<long[]> ended = new ConcurrentLinkedQueue<>();

		private final ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();

		void run(java.util.function.Supplier<FundedSubscription.Funded> flow) {
			long start = System.nanoTime();
			try {
				flow.get();
				this.ended.add(new long[] { System.nanoTime(), System.nanoTime() - start });
			}
			catch (RuntimeException ex) {
				this.failures.add(ex.toString());
			}
		}

		int ended() {
			return this.ended.size();
		}

		Run between(long from, long to) {
			List<Long> took = this.ended.stream().filter((e) -> e[0] >= from && e[0] <= to).map((e) -> e[1]).toList();
			long last = this.ended.stream().mapToLong((e) -> e[0]).max().orElse(from);
			double seconds = (((to == Long.MAX_VALUE) ? last : to) - from) / 1e9;
			return new Run(took.size(), seconds, ApiCalls.Latency.of(took.stream().map((n) -> n / 1_000).toList()),
					List.copyOf(this.failures));
		}

	}

	/**
	 * What a load did.
	 *
	 * @param flows flows that ended in the window
	 * @param seconds the window
	 * @param took how long those flows took
	 * @param failures flows that failed, why
	 */
	record Run(int flows, double seconds, ApiCalls.Latency took, List<String> failures) {

		double rate() {
			return this.flows / this.seconds;
		}

	}

}
