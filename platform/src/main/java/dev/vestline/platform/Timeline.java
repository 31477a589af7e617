package dev.vestline.platform;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The steps of a run, each with the time it took and the events it caused, printable for
 * people.
 */
final class Timeline {

	private final List<Step> steps = new ArrayList<>();

	private final Set<UUID> claimed = new HashSet<>();

	synchronized void add(Step step) {
		this.steps.add(step);
		step.events().forEach((event) -> this.claimed.add(event.id()));
	}

	synchronized boolean claimed(ObservedEvent event) {
		return this.claimed.contains(event.id());
	}

	synchronized List<Step> steps() {
		return List.copyOf(this.steps);
	}

	synchronized void print(PrintStream out) {
		out.println();
		int number = 1;
		for (Step step : this.steps) {
			out.printf("%2d  %-66s %7d ms%n", number++, step.name(), step.took().toMillis());
			for (ObservedEvent event : step.events()) {
				out.printf("      %-24s %-22s ce_id %s%n", event.name(), event.topic(), event.id());
			}
			step.notes().forEach((note) -> out.println("      " + note));
		}
		Duration total = this.steps.stream().map(Step::took).reduce(Duration.ZERO, Duration::plus);
		out.printf("%n    %-66s %7d ms%n", "whole lifecycle", total.toMillis());
	}

	/**
	 * One step.
	 *
	 * @param name what happened, in words
	 * @param took from its first request until the events it waits for were seen
	 * @param events the events it caused
	 * @param notes what it found out, e.g. ids and amounts
	 */
	record Step(String name, Duration took, List<ObservedEvent> events, List<String> notes) {

	}

}
