package dev.vestline.benchmarks;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import dev.vestline.testharness.SchemaUnderTest;

/**
 * The relay's database half alone: its claim and mark statements (the same SQL as
 * {@code OutboxQueries}) over the same backlog, with no Kafka in between. Against the
 * relay's own rate it shows how the time of a batch splits between the database and
 * Kafka.
 */
final class RelayDatabaseSteps {

	private RelayDatabaseSteps() {
	}

	/**
	 * @return rows claimed and marked per second, and the milliseconds per batch of each
	 * step
	 */
	static Steps measure(Lab lab, Sizes sizes) {
		try (SchemaUnderTest schema = lab.schema(); Connection connection = schema.dataSource().getConnection()) {
			OutboxBacklog.fill(schema.dataSource(), "unused", sizes);
			connection.setAutoCommit(true);
			PreparedStatement claim = connection.prepareStatement("""
					SELECT position, id, topic, record_key, event_type, source, data_schema, payload::text AS payload,
					       correlation_id, causation_id, traceparent, occurred_at, created_at
					  FROM outbox_event WHERE published_at IS NULL ORDER BY position LIMIT ?
					""");
			PreparedStatement mark = connection.prepareStatement("""
					UPDATE outbox_event
					   SET published_at = clock_timestamp(), publish_attempts = publish_attempts + 1, last_error = NULL
					 WHERE position = ANY (?)
					""");
			long claimNanos = 0;
			long markNanos = 0;
			int batches = 0;
			Stopwatch watch = Stopwatch.start();
			while (true) {
				long t0 = System.nanoTime();
				List<Long> positions = claim(claim, sizes.relayBatch());
				long t1 = System.nanoTime();
				if (positions.isEmpty()) {
					break;
				}
				mark.setArray(1, connection.createArrayOf("bigint", positions.toArray()));
				mark.executeUpdate();
				claimNanos += t1 - t0;
				markNanos += System.nanoTime() - t1;
				batches++;
			}
			return new Steps(watch.rate(sizes.events()), claimNanos / 1e6 / batches, markNanos / 1e6 / batches);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static List<Long> claim(PreparedStatement claim, int limit) throws SQLException {
		claim.setInt(1, limit);
		List<Long> positions = new ArrayList<>(limit);
		try (ResultSet rs = claim.executeQuery()) {
			while (rs.next()) {
				positions.add(rs.getLong("position"));
				rs.getString("payload");
				rs.getObject("id");
				rs.getTimestamp("occurred_at");
				rs.getTimestamp("created_at");
			}
		}
		return positions;
	}

	/**
	 * @param rate rows per second through both statements
	 * @param claimMillis milliseconds per batch for the claim
	 * @param markMillis milliseconds per batch for the mark
	 */
	record Steps(double rate, double claimMillis, double markMillis) {

	}

}
