package dev.vestline.platform;

import java.io.PrintStream;

/**
 * Drives the whole subscription lifecycle through the services' public APIs and prints
 * its timeline: each step, the events it caused ({@code ce_type} and {@code ce_id}) and
 * the time it took, ending with the position and the paid invoice.
 */
final class LifecycleDemo {

	private final LocalPlatform platform;

	LifecycleDemo(LocalPlatform platform) {
		this.platform = platform;
	}

	void run(PrintStream out) {
		out.println("Running the subscription lifecycle demo ...");
		try (EventWatcher watcher = new EventWatcher(this.platform.bootstrapServers())) {
			SubscriptionLifecycle lifecycle = new SubscriptionLifecycle(this.platform, watcher);
			try {
				lifecycle.run(null);
				out.println("\nThe subscription lifecycle, correlation id " + lifecycle.correlationId() + ":");
				lifecycle.timeline().print(out);
			}
			catch (RuntimeException ex) {
				lifecycle.timeline().print(out);
				out.println("\nThe demo stopped: " + ex.getMessage());
			}
		}
	}

}
