package dev.vestline.platform;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A steady load of subscriptions: a few callers, each driving one
 * {@link FundedSubscription} after the other until told to stop; a flow under way when
 * the stop comes runs to its end. Every answer goes to one {@link ApiCalls}.
 */
final class ContinuousSubscriptions implements AutoCloseable {

	private final LocalPlatform platform;

	private final UUID vehicle;

	private final SigningLinks links;

	private final ApiCalls calls = new ApiCalls();

	private final AtomicInteger started = new AtomicInteger();

	private final ConcurrentLinkedQueue<FundedSubscription.Funded> funded = new ConcurrentLinkedQueue<>();

	private final ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();

	private final List<Thread> callers = new ArrayList<>();

	private volatile boolean stopping;

	ContinuousSubscriptions(LocalPlatform platform, int callers) {
		this.platform = platform;
		this.vehicle = FundedSubscription.setUpVehicle(platform);
		this.links = new SigningLinks(platform.mailbox());
		for (int i = 1; i <= callers; i++) {
			this.callers.add(Thread.ofPlatform().name("subscriber-" + i).start(this::drive));
		}
	}

	private void drive() {
		while (!this.stopping) {
			this.started.incrementAndGet();
			try {
				this.funded.add(new FundedSubscription(this.platform, this.vehicle, this.links, this.calls).run());
			}
			catch (RuntimeException | AssertionError ex) {
				this.failures.add(ex);
				System.out.println("[fault-suite] a flow failed: " + ex); // seen while
																			// the test
																			// runs
			}
		}
	}

	int completed() {
		return this.funded.size();
	}

	/** Lets the flows under way finish and starts no more. */
	void finish() throws InterruptedException {
		this.stopping = true;
		for (Thread caller : this.callers) {
			caller.join();
		}
	}

	int started() {
		return this.started.get();
	}

	List<FundedSubscription.Funded> funded() {
		return List.copyOf(this.funded);
	}

	List<Throwable> failures() {
		return List.copyOf(this.failures);
	}

	ApiCalls calls() {
		return this.calls;
	}

	@Override
	public void close() throws InterruptedException {
		finish();
	}

}
