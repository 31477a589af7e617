package dev.vestline.signature.signing;

import dev.vestline.events.signature.DocumentKind;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;

/**
 * Counts what signers do: {@code vestline.signature.documents.signed},
 * {@code vestline.signature.signatures.declined} (by role) and
 * {@code vestline.signature.workflows.completed} (by document kind).
 */
@Component
class SigningMetrics {

	private final MeterRegistry registry;

	SigningMetrics(MeterRegistry registry) {
		this.registry = registry;
	}

	void signed(String role) {
		this.registry.counter("vestline.signature.documents.signed", "role", role).increment();
	}

	void declined(String role) {
		this.registry.counter("vestline.signature.signatures.declined", "role", role).increment();
	}

	void completed(DocumentKind kind) {
		this.registry.counter("vestline.signature.workflows.completed", "kind", kind.name()).increment();
	}

}
