package dev.vestline.messaging;

import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

/**
 * What ties the events a thread appends to what caused them: the correlation id of the
 * whole flow, the id of the event being handled (the causation) and the W3C trace
 * context. The inbox sets it while a handler runs; a web request sets it from its
 * headers.
 *
 * @param correlationId the id shared by every event of one flow, or {@code null} to start
 * a new flow with the next appended event's id
 * @param causationId the id of the event that caused the ones appended now
 * @param traceparent the W3C {@code traceparent} to carry along
 */
public record EventContext(@Nullable String correlationId, @Nullable String causationId, @Nullable String traceparent) {

	private static final EventContext NONE = new EventContext(null, null, null);

	private static final ThreadLocal<EventContext> CURRENT = ThreadLocal.withInitial(() -> NONE);

	/**
	 * @return the context of the current thread, empty fields when there is none
	 */
	public static EventContext current() {
		return CURRENT.get();
	}

	/**
	 * Runs work with this context, restoring the previous one afterwards.
	 * @param work the work
	 * @param <T> its result type
	 * @return its result
	 */
	public <T> T call(Supplier<T> work) {
		EventContext previous = CURRENT.get();
		CURRENT.set(this);
		try {
			return work.get();
		}
		finally {
			CURRENT.set(previous);
		}
	}

	/**
	 * Runs work with this context, restoring the previous one afterwards.
	 * @param work the work
	 */
	public void run(Runnable work) {
		call(() -> {
			work.run();
			return null;
		});
	}

}
