package dev.vestline.platform;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

/**
 * Runs the lifecycle's steps one after the other: each is timed until the events it
 * causes were seen on the broker, and lands on the {@link Timeline} with those events and
 * what it found out.
 */
final class Steps {

	private final EventWatcher watcher;

	private final Duration timeout;

	private final String correlationId;

	private final Timeline timeline = new Timeline();

	private final List<String> notes = new ArrayList<>();

	/**
	 * @param watcher the events on the broker
	 * @param timeout how long a step waits for its events
	 * @param correlationId the flow's: only its events count, so flows can follow one
	 * another on one platform
	 */
	Steps(EventWatcher watcher, Duration timeout, String correlationId) {
		this.watcher = watcher;
		this.timeout = timeout;
		this.correlationId = correlationId;
	}

	Timeline timeline() {
		return this.timeline;
	}

	/**
	 * @param name what happens, in words
	 * @param expected the events the step causes
	 * @param work the requests it makes
	 * @return what the work answered
	 */
	<T extends @Nullable Object> T run(String name, List<Expected> expected, Supplier<T> work) {
		this.notes.clear();
		long start = System.nanoTime();
		T result = work.get();
		List<ObservedEvent> events = awaitAll(expected);
		this.timeline
			.add(new Timeline.Step(name, Duration.ofNanos(System.nanoTime() - start), events, List.copyOf(this.notes)));
		return result;
	}

	/**
	 * A step in which the platform acts on its own: only waits for the events.
	 * @param name what happens, in words
	 * @param expected the events waited for
	 * @return those events
	 */
	List<ObservedEvent> await(String name, List<Expected> expected) {
		run(name, expected, () -> null);
		return this.timeline.steps().getLast().events();
	}

	/** Adds what the running step found out to its line on the timeline. */
	void note(String note) {
		this.notes.add(note);
	}

	private List<ObservedEvent> awaitAll(List<Expected> expected) {
		List<ObservedEvent> events = new ArrayList<>();
		for (Expected wanted : expected) {
			events.addAll(this.watcher
				.await(0,
						(e) -> e.is(wanted.name()) && this.correlationId.equals(e.correlationId())
								&& !this.timeline.claimed(e) && !events.contains(e),
						wanted.count(), this.timeout)
				.subList(0, wanted.count()));
		}
		return List.copyOf(events);
	}

	/**
	 * Events a step waits for.
	 *
	 * @param name the short type name, e.g. {@code ApprovalGranted}
	 * @param count how many
	 */
	record Expected(String name, int count) {

		static Expected one(String name) {
			return new Expected(name, 1);
		}

		static Expected of(String name, int count) {
			return new Expected(name, count);
		}

	}

}
