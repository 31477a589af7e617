package dev.vestline.messaging.inbox;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Tells an honest redelivery (same id, same payload: skipped and counted) from a producer
 * bug (same id, different payload: refused, counted and dead-lettered).
 */
final class Redeliveries {

	private final InboxQueries queries;

	private final InboxMetrics metrics;

	Redeliveries(InboxQueries queries, InboxMetrics metrics) {
		this.queries = queries;
		this.metrics = metrics;
	}

	void refuseConflict(String consumer, ReceivedEvent<?> event) {
		check(consumer, event, this.queries.payloadHashes(consumer, Set.of(event.envelope().id())));
	}

	void refuseConflicts(String consumer, List<? extends ReceivedEvent<?>> batch,
			List<? extends ReceivedEvent<?>> repeated) {
		if (repeated.isEmpty()) {
			return;
		}
		Set<UUID> ids = repeated.stream().map((e) -> e.envelope().id()).collect(Collectors.toSet());
		Map<UUID, byte[]> stored = new HashMap<>(this.queries.payloadHashes(consumer, ids));
		// an id first seen in this batch is not committed yet: compare with the applied
		// copy
		batch.forEach((e) -> stored.putIfAbsent(e.envelope().id(), e.payloadSha256()));
		for (ReceivedEvent<?> event : repeated) {
			check(consumer, event, stored);
		}
	}

	private void check(String consumer, ReceivedEvent<?> event, Map<UUID, byte[]> stored) {
		byte[] applied = stored.get(event.envelope().id());
		if (applied != null && !Arrays.equals(applied, event.payloadSha256())) {
			this.metrics.conflicted(consumer);
			throw new PayloadConflictException(consumer, event.envelope().id());
		}
		this.metrics.duplicated(consumer);
	}

}
