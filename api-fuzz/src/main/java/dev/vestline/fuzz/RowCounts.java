package dev.vestline.fuzz;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import javax.sql.DataSource;

/**
 * Counts the rows of every table in the service's schema (outbox, inbox and idempotency
 * store included), so that a refused request that wrote something shows.
 */
final class RowCounts {

	private final DataSource dataSource;

	private final String query;

	RowCounts(DataSource dataSource) {
		this.dataSource = dataSource;
		List<String> tables = tables(dataSource);
		this.query = tables.isEmpty() ? "SELECT 'none', 0"
				: tables.stream()
					.map((table) -> "SELECT '" + table + "', count(*) FROM \"" + table + "\"")
					.collect(Collectors.joining(" UNION ALL "));
	}

	Map<String, Long> now() {
		Map<String, Long> counts = new LinkedHashMap<>();
		try (Connection connection = this.dataSource.getConnection();
				Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery(this.query)) {
			while (rows.next()) {
				counts.put(rows.getString(1), rows.getLong(2));
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not count rows", ex);
		}
		return counts;
	}

	/** The tables that have more rows after than before, with both counts. */
	static Map<String, String> grown(Map<String, Long> before, Map<String, Long> after) {
		Map<String, String> grown = new LinkedHashMap<>();
		after.forEach((table, count) -> {
			long was = before.getOrDefault(table, 0L);
			if (count > was) {
				grown.put(table, was + " -> " + count);
			}
		});
		return grown;
	}

	private static List<String> tables(DataSource dataSource) {
		List<String> tables = new ArrayList<>();
		try (Connection connection = dataSource.getConnection();
				Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery("""
						SELECT table_name FROM information_schema.tables
						 WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'
						   AND table_name NOT LIKE 'flyway%'
						 ORDER BY table_name""")) {
			while (rows.next()) {
				tables.add(rows.getString(1).replace("\"", ""));
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not list the schema's tables", ex);
		}
		return tables;
	}

}
