package dev.vestline.platform;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * An event the watcher saw on the broker, decoded from its CloudEvents headers.
 *
 * @param topic where it was published
 * @param type its {@code ce_type}, e.g. {@code dev.vestline.approval.ApprovalGranted.v1}
 * @param id its {@code ce_id}
 * @param subject its {@code ce_subject}, the aggregate id
 * @param correlationId its {@code correlationid} extension
 * @param seenAt when the watcher first saw it
 * @param data its JSON payload
 */
record ObservedEvent(String topic, String type, UUID id, String subject, @Nullable String correlationId, Instant seenAt,
		byte[] data) {

	/**
	 * @return the type without namespace and version, e.g. {@code ApprovalGranted}
	 */
	String name() {
		String withoutVersion = this.type.replaceFirst("\\.v\\d+$", "");
		return withoutVersion.substring(withoutVersion.lastIndexOf('.') + 1);
	}

	boolean is(String name) {
		return name().equals(name);
	}

}
