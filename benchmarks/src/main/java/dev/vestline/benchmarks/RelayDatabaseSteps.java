package dev.vestline.benchmarks;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import dev.vestline.testharness.SchemaUnderTest;

/**
 * The relay's database half alone: its claim and mark statements (the same SQL as
 * {@code OutboxQueries}) over the same backlog, in the pipelined relay's order (claim the
 * next batch past the rows of the batches in flight, then mark the oldest once the
 * pipeline is full), with no Kafka in between. It bounds what the relay can reach: on its
 * one connection the database steps never overlap each other, only the broker's work.
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
					SELECT e.position, id, topic, record_key, event_type, source, data_schema, payload,
					       correlation_id, causation_id, traceparent, occurred_at, created_at
					  FROM (SELECT position FROM outbox_pending
					         WHERE position > ? OR position NOT IN (SELECT unnest(?::bigint[]))
					         ORDER BY position LIMIT ?) p
					 CROSS JOIN LATERAL (SELECT * FROM outbox_event e WHERE e.position = p.position OFFSET 0) e
					 ORDER BY p.position
					""");
			PreparedStatement mark = connection.prepareStatement("DELETE FROM outbox_pending WHERE position = ANY (?)");
			long claimNanos = 0;
			long markNanos = 0;
			int batches = 0;
			Stopwatch watch = Stopwatch.start();
			Deque<List<Long>> inFlight = new ArrayDeque<>();
			while (true) {
				long t0 = System.nanoTime();
				List<Long> positions = claim(connection, claim, inFlight, sizes.relayBatch());
				long t1 = System.nanoTime();
				if (!positions.isEmpty()) {
					inFlight.add(positions);
					batches++;
				}
				while (!inFlight.isEmpty() && (positions.isEmpty() || inFlight.size() >= sizes.relayDepth())) {
					mark.setArray(1, connection.createArrayOf("bigint", inFlight.remove().toArray()));
					mark.executeUpdate();
				}
				claimNanos += t1 - t0;
				markNanos += System.nanoTime() - t1;
				if (positions.isEmpty()) {
					break;
				}
			}
			return new Steps(watch.rate(sizes.events()), claimNanos / 1e6 / batches, markNanos / 1e6 / batches);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static List<Long> claim(Connection connection, PreparedStatement claim, Deque<List<Long>> inFlight,
			int limit) throws SQLException {
		Long[] positions = inFlight.stream().flatMap(List::stream).toArray(Long[]::new);
		claim.setLong(1, inFlight.isEmpty() ? 0 : inFlight.getLast().getLast());
		claim.setArray(2, connection.createArrayOf("bigint", positions));
		claim.setInt(3, limit);
		return read(claim, limit);
	}

	private static List<Long> read(PreparedStatement claim, int limit) throws SQLException {
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
