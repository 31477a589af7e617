package dev.vestline.messaging;

import java.util.function.Supplier;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import org.jspecify.annotations.Nullable;

/**
 * The W3C {@code traceparent} of the span current on this thread (an HTTP request's
 * server span, a consumed record's receive span), so that the events a service publishes
 * are children of the work that caused them and a trace crosses services hop by hop.
 * {@code null} when there is no real span: the events then carry the traceparent of the
 * {@link EventContext}.
 */
public final class CurrentTraceparent implements Supplier<@Nullable String> {

	private final Supplier<@Nullable Tracer> tracer;

	/**
	 * @param tracer the service's tracer, if it has one
	 */
	public CurrentTraceparent(Supplier<@Nullable Tracer> tracer) {
		this.tracer = tracer;
	}

	@Override
	public @Nullable String get() {
		Tracer current = this.tracer.get();
		Span span = (current != null) ? current.currentSpan() : null;
		if (span == null || span.isNoop()) {
			return null;
		}
		TraceContext context = span.context();
		return "00-" + context.traceId() + "-" + context.spanId() + "-"
				+ (Boolean.TRUE.equals(context.sampled()) ? "01" : "00");
	}

}
