package dev.vestline.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The platform's embedded PostgreSQL is durable: every commit it acknowledged is there
 * after PostgreSQL was killed (all its processes, SIGKILL, no shutdown of any kind) and
 * started again on the same data directory, and after a clean restart.
 */
class PlatformDatabaseIntegrationTests {

	@TempDir
	Path home;

	@Test
	void keepsEveryAcknowledgedCommitWhenPostgresIsKilled() throws Exception {
		PlatformOptions options = PlatformOptions.forTests(this.home, this.home, Map.of());
		PlatformState state = state();
		int acknowledged = 0;
		try (PlatformDatabase database = PlatformDatabase.start(options, state)) {
			try (Connection connection = connect(database); Statement statement = connection.createStatement()) {
				statement.execute("CREATE TABLE acknowledged (id int PRIMARY KEY)");
				// one transaction per row, auto-commit: each executeUpdate that returns
				// was
				// acknowledged; the last ones are the ones a lazy WAL writer would lose
				for (int id = 1; id <= 500; id++) {
					statement.executeUpdate("INSERT INTO acknowledged VALUES (" + id + ")");
					acknowledged = id;
				}
				killPostgres(state.postgres());
			}
		}
		try (PlatformDatabase database = PlatformDatabase.start(options, state());
				Connection connection = connect(database)) {
			assertThat(count(connection, "SELECT count(*) FROM acknowledged")).isEqualTo(acknowledged);
			assertThat(setting(connection, "fsync")).isEqualTo("on");
			assertThat(setting(connection, "synchronous_commit")).isEqualTo("on");
			assertThat(setting(connection, "full_page_writes")).isEqualTo("on");
		}
	}

	@Test
	void keepsItsDataAcrossACleanRestart() throws Exception {
		PlatformOptions options = PlatformOptions.forTests(this.home, this.home, Map.of());
		try (PlatformDatabase database = PlatformDatabase.start(options, state());
				Connection connection = connect(database);
				Statement statement = connection.createStatement()) {
			statement.execute("CREATE TABLE kept AS SELECT 42 AS answer");
		}
		try (PlatformDatabase database = PlatformDatabase.start(options, state());
				Connection connection = connect(database)) {
			assertThat(count(connection, "SELECT answer FROM kept")).isEqualTo(42);
		}
	}

	/**
	 * The database alone: {@link PlatformStateIntegrationTests} has it with the broker.
	 */
	private PlatformState state() {
		return new PlatformState(this.home.resolve("postgres"), this.home.resolve("kafka"), true);
	}

	private static Connection connect(PlatformDatabase database) throws SQLException {
		return DriverManager.getConnection(database.jdbcUrl(), "postgres", "postgres");
	}

	private static int count(Connection connection, String sql) throws SQLException {
		try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
			result.next();
			return result.getInt(1);
		}
	}

	private static String setting(Connection connection, String name) throws SQLException {
		try (Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery("SHOW " + name)) {
			result.next();
			return result.getString(1);
		}
	}

	/** SIGKILL to the postmaster and every backend at once, as an OOM kill would. */
	private static void killPostgres(Path dataDirectory) throws IOException, InterruptedException {
		long postmaster = Long.parseLong(Files.readAllLines(dataDirectory.resolve("postmaster.pid")).getFirst().trim());
		ProcessHandle handle = ProcessHandle.of(postmaster).orElseThrow();
		List<ProcessHandle> processes = new ArrayList<>(handle.descendants().toList());
		processes.add(handle);
		List<String> command = new ArrayList<>(List.of("kill", "-KILL"));
		processes.forEach((process) -> command.add(String.valueOf(process.pid())));
		new ProcessBuilder(command).inheritIO().start().waitFor();
		await("PostgreSQL's processes gone").atMost(Duration.ofSeconds(60))
			.until(() -> processes.stream().noneMatch(ProcessHandle::isAlive));
	}

}
