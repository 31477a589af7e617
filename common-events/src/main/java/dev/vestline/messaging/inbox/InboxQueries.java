package dev.vestline.messaging.inbox;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The SQL of the inbox, in the service's schema.
 */
final class InboxQueries {

	private static final HexFormat HEX = HexFormat.of();

	private final JdbcClient jdbc;

	InboxQueries(DataSource dataSource) {
		this.jdbc = JdbcClient.create(dataSource);
	}

	/**
	 * @return whether the event is new to the consumer (the row was inserted)
	 */
	boolean insert(String consumer, ReceivedEvent<?> event) {
		return this.jdbc.sql("""
				INSERT INTO inbox_event (consumer, event_id, event_type, payload_sha256)
				VALUES (?, ?, ?, ?)
				ON CONFLICT DO NOTHING
				""")
			.params(consumer, event.envelope().id(), event.type().ceType(), event.payloadSha256())
			.update() == 1;
	}

	/** One statement for a whole batch; duplicates inside the batch are inserted once. */
	Set<UUID> insertAll(String consumer, List<? extends ReceivedEvent<?>> events) {
		String[] ids = events.stream().map((e) -> e.envelope().id().toString()).toArray(String[]::new);
		String[] types = events.stream().map((e) -> e.type().ceType()).toArray(String[]::new);
		String[] hashes = events.stream().map((e) -> HEX.formatHex(e.payloadSha256())).toArray(String[]::new);
		return Set.copyOf(this.jdbc.sql("""
				INSERT INTO inbox_event (consumer, event_id, event_type, payload_sha256)
				SELECT ?, id, type, decode(sha, 'hex')
				  FROM unnest(?::uuid[], ?::text[], ?::text[]) AS batch (id, type, sha)
				ON CONFLICT DO NOTHING
				RETURNING event_id
				""").params(consumer, ids, types, hashes).query(UUID.class).list());
	}

	Map<UUID, byte[]> payloadHashes(String consumer, Set<UUID> eventIds) {
		String[] ids = eventIds.stream().map(UUID::toString).toArray(String[]::new);
		return this.jdbc.sql("""
				SELECT event_id, payload_sha256 FROM inbox_event WHERE consumer = ? AND event_id = ANY (?::uuid[])
				""")
			.params(consumer, ids)
			.query((rs, n) -> Map.entry(rs.getObject(1, UUID.class), rs.getBytes(2)))
			.list()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
	}

	int deleteReceivedBefore(Instant cutoff, int limit) {
		return this.jdbc.sql("""
				DELETE FROM inbox_event
				 WHERE (consumer, event_id) IN (SELECT consumer, event_id FROM inbox_event
				                                 WHERE received_at < ?
				                                 LIMIT ?
				                                   FOR UPDATE SKIP LOCKED)
				""").params(Timestamp.from(cutoff), limit).update();
	}

}
