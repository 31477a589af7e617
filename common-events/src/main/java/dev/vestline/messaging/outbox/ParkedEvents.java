package dev.vestline.messaging.outbox;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The events the relay parked, for operators: listed, retried once the cause is fixed (a
 * topic's {@code max.message.bytes} raised, say), or discarded when no fix will make the
 * broker take them. Either puts the events held behind a parked one back on the work
 * list, in their order. Safe with any number of replicas: each change is one statement.
 */
public class ParkedEvents {

	private static final String PARKED = """
			SELECT e.id, e.event_type, k.topic, k.record_key, k.parked_at, k.reason, e.refusals,
			       (SELECT count(*) FROM outbox_parked h WHERE h.held_behind = k.position) AS held
			  FROM outbox_parked k JOIN outbox_event e USING (position)
			 WHERE k.held_behind IS NULL
			""";

	private final JdbcClient jdbc;

	public ParkedEvents(DataSource dataSource) {
		this.jdbc = JdbcClient.create(dataSource);
	}

	/**
	 * @param limit at most this many
	 * @return the parked events, oldest first
	 */
	public List<ParkedEvent> list(int limit) {
		return this.jdbc.sql(PARKED + " ORDER BY k.position LIMIT ?").param(limit).query(this::event).list();
	}

	/** How many events are parked. */
	public long count() {
		return this.jdbc.sql("SELECT count(*) FROM outbox_parked WHERE held_behind IS NULL").query(Long.class).single();
	}

	/**
	 * Puts a parked event and those held behind it back on the relay's work list, with
	 * its refusals counted from 0 again.
	 * @return the event as it was parked, empty when no event of that id is parked
	 */
	public Optional<ParkedEvent> retry(UUID eventId) {
		Optional<ParkedEvent> parked = find(eventId);
		parked.ifPresent((event) -> release(eventId, true, "retried by an operator"));
		return parked;
	}

	/**
	 * Gives up a parked event for good (it stays in the outbox table until retention,
	 * never sent) and puts those held behind it back on the work list.
	 * @param reason why, noted on the event
	 * @return the event as it was parked, empty when no event of that id is parked
	 */
	public Optional<ParkedEvent> discard(UUID eventId, String reason) {
		Optional<ParkedEvent> parked = find(eventId);
		parked.ifPresent((event) -> release(eventId, false, "discarded by an operator: " + reason));
		return parked;
	}

	/**
	 * Puts rows held behind a parked row that is gone (released while the relay held a
	 * newly claimed row behind it) back on the work list.
	 * @return how many
	 */
	public int releaseOrphans() {
		return this.jdbc.sql("""
				WITH orphans AS (
				    DELETE FROM outbox_parked h
				     WHERE held_behind IS NOT NULL
				       AND NOT EXISTS (SELECT FROM outbox_parked k WHERE k.position = h.held_behind)
				    RETURNING position
				)
				INSERT INTO outbox_pending (position) SELECT position FROM orphans ON CONFLICT DO NOTHING
				""").update();
	}

	private Optional<ParkedEvent> find(UUID eventId) {
		return this.jdbc.sql(PARKED + " AND e.id = ?").param(eventId).query(this::event).optional();
	}

	private void release(UUID eventId, boolean retry, String note) {
		this.jdbc.sql("""
				WITH target AS (
				    SELECT k.position FROM outbox_parked k JOIN outbox_event e USING (position)
				     WHERE e.id = :id AND k.held_behind IS NULL
				), released AS (
				    DELETE FROM outbox_parked k USING target t
				     WHERE k.position = t.position OR k.held_behind = t.position
				    RETURNING k.position, k.held_behind
				), noted AS (
				    UPDATE outbox_event SET refusals = 0, last_error = :note
				     WHERE position IN (SELECT position FROM target)
				)
				INSERT INTO outbox_pending (position)
				SELECT position FROM released WHERE :retry OR held_behind IS NOT NULL
				ON CONFLICT DO NOTHING
				""").param("id", eventId).param("note", note).param("retry", retry).update();
		releaseOrphans();
		// wakes the relay at once instead of at its fallback poll
		this.jdbc.sql("SELECT 1 FROM (SELECT pg_notify('vestline_outbox_' || current_schema(), '')) n")
			.query(Integer.class)
			.single();
	}

	private ParkedEvent event(ResultSet rs, int rowNum) throws SQLException {
		return new ParkedEvent(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
				rs.getTimestamp(5).toInstant(), rs.getString(6), rs.getInt(7), rs.getLong(8));
	}

}
