package dev.vestline.platform;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The recovery times the suite measured, printed as they happen and once more at the end
 * (they are reported, not asserted: only generous upper bounds are).
 */
final class Recoveries {

	private final List<String> lines = new ArrayList<>();

	private final PrintStream out;

	Recoveries(PrintStream out) {
		this.out = out;
	}

	synchronized void record(String scenario, String what, Instant from, Instant to) {
		record(scenario, what, Duration.between(from, to));
	}

	synchronized void record(String scenario, String what, Duration took) {
		note(scenario, "%-70s %7d ms".formatted(what, took.toMillis()));
	}

	synchronized void note(String scenario, String text) {
		String line = "[%s] %s".formatted(scenario, text);
		this.lines.add(line);
		this.out.println("[fault-suite] " + line);
	}

	synchronized void print() {
		this.out.println("\nFault suite: measured recovery times");
		this.lines.forEach((line) -> this.out.println("  " + line));
	}

}
