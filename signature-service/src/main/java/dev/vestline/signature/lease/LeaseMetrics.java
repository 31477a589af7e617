package dev.vestline.signature.lease;

import java.time.Duration;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import org.springframework.stereotype.Component;

/**
 * Measures the lease: {@code vestline.signature.lease.*} acquisitions (free or taken
 * over), contention, waits, refusals, fenced commits and reaps.
 */
@Component
class LeaseMetrics {

	private final MeterRegistry registry;

	private final Timer waited;

	LeaseMetrics(MeterRegistry registry) {
		this.registry = registry;
		this.waited = Timer.builder("vestline.signature.lease.waited")
			.description("Time callers waited for a held lease before they got it or gave up")
			.register(registry);
	}

	void acquired(boolean takeover) {
		this.registry.counter("vestline.signature.lease.acquired", "outcome", takeover ? "takeover" : "free")
			.increment();
	}

	void contended() {
		this.registry.counter("vestline.signature.lease.contended").increment();
	}

	void waited(Duration duration) {
		this.waited.record(duration);
	}

	void refused() {
		this.registry.counter("vestline.signature.lease.refused").increment();
	}

	void fenced() {
		this.registry.counter("vestline.signature.lease.fenced").increment();
	}

	void reaped(int count) {
		this.registry.counter("vestline.signature.lease.reaped").increment(count);
	}

}
