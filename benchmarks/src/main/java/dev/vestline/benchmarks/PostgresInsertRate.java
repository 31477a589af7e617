package dev.vestline.benchmarks;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

import dev.vestline.events.EventJson;
import dev.vestline.testharness.SchemaUnderTest;

/**
 * The database's limit: single-row INSERTs of the same 1 KB JSON, each its own commit, on
 * one connection.
 */
final class PostgresInsertRate {

	private PostgresInsertRate() {
	}

	/**
	 * @return commits per second
	 */
	static double measure(Lab lab, int rows) {
		String json = new String(EventJson.write(PositionRevalued.of(1, 1)), java.nio.charset.StandardCharsets.UTF_8);
		try (SchemaUnderTest schema = lab.schema();
				Connection connection = schema.dataSource().getConnection();
				PreparedStatement insert = connection
					.prepareStatement("INSERT INTO bench_insert (payload) VALUES (?::jsonb)")) {
			connection.setAutoCommit(true);
			insert.setString(1, json);
			Stopwatch watch = Stopwatch.start();
			for (int i = 0; i < rows; i++) {
				insert.executeUpdate();
			}
			return watch.rate(rows);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
