package dev.vestline.signature.sealing;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;

/**
 * Counts seals: {@code vestline.signature.documents.sealed} (stored, once per workflow)
 * and {@code vestline.signature.seals.failed} (attempts that failed and wait for the
 * sweep).
 */
@Component
class SealingMetrics {

	private final MeterRegistry registry;

	SealingMetrics(MeterRegistry registry) {
		this.registry = registry;
	}

	void sealed() {
		this.registry.counter("vestline.signature.documents.sealed").increment();
	}

	void failed() {
		this.registry.counter("vestline.signature.seals.failed").increment();
	}

}
