package dev.vestline.console.live;

import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * What one open page listens to: a topic's changes of one aggregate (an approval's page,
 * a workflow's, an invoice's), or of any (the queue).
 *
 * @param topic the producing service, one of {@link #TOPICS}
 * @param id the aggregate, or {@code null} for any
 */
record Watch(String topic, @Nullable UUID id) {

	/** The services whose topics the console follows ({@code <service>.events}). */
	static final Set<String> TOPICS = Set.of("approval", "signature", "billing", "reconciliation");

	Watch {
		if (!TOPICS.contains(topic)) {
			throw new IllegalArgumentException("No live updates for " + topic);
		}
	}

	boolean matches(Change change) {
		return this.topic.equals(change.topic()) && (this.id == null || this.id.toString().equals(change.subject()));
	}

}
