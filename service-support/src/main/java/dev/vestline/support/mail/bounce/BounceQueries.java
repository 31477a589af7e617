package dev.vestline.support.mail.bounce;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import javax.sql.DataSource;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The SQL of a bounce: recorded once by its identity, and the mail it names marked
 * {@code BOUNCED}, in one statement.
 */
class BounceQueries {

	private final JdbcClient jdbc;

	BounceQueries(DataSource dataSource) {
		this.jdbc = JdbcClient.create(dataSource);
	}

	/**
	 * Records a bounce and marks the sent mail it names bounced, both or neither: when
	 * two replicas read the same bounce at the same time, the second insert waits for the
	 * first and then inserts nothing, so it marks nothing.
	 * @return what came of it
	 */
	Outcome record(String bounceId, List<String> messageIds, String diagnostic, Instant now) {
		return this.jdbc.sql("""
				WITH bounce AS (
				    INSERT INTO mail_bounce (bounce_id, original_message_id, diagnostic, read_at)
				    VALUES (:bounceId, :first, :diagnostic, :now)
				    ON CONFLICT (bounce_id) DO NOTHING
				    RETURNING bounce_id
				), marked AS (
				    UPDATE mail_outbox SET status = 'BOUNCED', bounced_at = :now, last_error = :error
				     WHERE message_id IN (:messageIds) AND status = 'SENT' AND EXISTS (SELECT 1 FROM bounce)
				    RETURNING id
				)
				SELECT CASE WHEN NOT EXISTS (SELECT 1 FROM bounce) THEN 'ALREADY_READ'
				            WHEN EXISTS (SELECT 1 FROM marked) THEN 'BOUNCED'
				            ELSE 'NOT_OURS' END
				""")
			.param("bounceId", bounceId)
			.param("first", messageIds.get(0))
			.param("diagnostic", diagnostic)
			.param("error", "bounced: " + diagnostic)
			.param("now", Timestamp.from(now))
			.param("messageIds", messageIds)
			.query(String.class)
			.optional()
			.map(Outcome::valueOf)
			.orElseThrow();
	}

	/**
	 * Records a message that is no bounce of ours (unreadable, or no failure), once.
	 * @return whether this call recorded it (otherwise another replica did first)
	 */
	boolean recordOther(String bounceId, String diagnostic, Instant now) {
		return this.jdbc.sql("""
				INSERT INTO mail_bounce (bounce_id, diagnostic, read_at) VALUES (:bounceId, :diagnostic, :now)
				ON CONFLICT (bounce_id) DO NOTHING
				""")
			.param("bounceId", bounceId)
			.param("diagnostic", diagnostic)
			.param("now", Timestamp.from(now))
			.update() == 1;
	}

}
