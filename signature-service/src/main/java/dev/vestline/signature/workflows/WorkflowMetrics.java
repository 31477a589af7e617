package dev.vestline.signature.workflows;

import dev.vestline.events.signature.DocumentKind;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;

/**
 * Counts workflow outcomes: {@code vestline.signature.workflows.*}, tagged by document
 * kind or cause, never by id.
 */
@Component
class WorkflowMetrics {

	private final MeterRegistry registry;

	WorkflowMetrics(MeterRegistry registry) {
		this.registry = registry;
	}

	void opened(DocumentKind kind) {
		this.registry.counter("vestline.signature.workflows.opened", "kind", kind.name()).increment();
	}

	void failed(DocumentKind kind, String cause) {
		this.registry.counter("vestline.signature.workflows.failed", "kind", kind.name(), "cause", cause).increment();
	}

	void cancelled(String by) {
		this.registry.counter("vestline.signature.workflows.cancelled", "by", by).increment();
	}

	void reissued() {
		this.registry.counter("vestline.signature.workflows.reissued").increment();
	}

}
