package dev.vestline.platform;

import java.io.PrintStream;

/**
 * Drives the whole subscription lifecycle through the services' public APIs and prints a
 * timeline. Not written yet: it needs the four services' APIs.
 */
final class LifecycleDemo {

	private final LocalPlatform platform;

	LifecycleDemo(LocalPlatform platform) {
		this.platform = platform;
	}

	void run(PrintStream out) {
		out.println("The lifecycle demo is not written yet; the platform at " + this.platform.baseUrls()
				+ " is yours to drive.");
	}

}
