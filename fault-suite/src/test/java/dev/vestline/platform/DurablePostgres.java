package dev.vestline.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.util.LinuxUtils;
import org.awaitility.Awaitility;
import org.jspecify.annotations.Nullable;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A PostgreSQL server the suite can crash, freeze and start again on the same data
 * directory and port, with the durable settings production has ({@code fsync=on},
 * {@code synchronous_commit=on}, {@code full_page_writes=on}): the embedded library's
 * defaults turn both off, and then a crash loses acknowledged commits. The first start
 * uses the embedded library (binaries, initdb); every restart runs the same
 * {@code postgres} command line again, as a supervisor would.
 */
final class DurablePostgres implements AutoCloseable {

	private final EmbeddedPostgres embedded;

	private final Path dataDirectory;

	private final int port;

	private final List<String> commandLine;

	private final Path log;

	private @Nullable Process restarted;

	private DurablePostgres(EmbeddedPostgres embedded, Path dataDirectory, int port, Path log) {
		this.embedded = embedded;
		this.dataDirectory = dataDirectory;
		this.port = port;
		this.log = log;
		// the postmaster's exact command line (binary, -D, -p and every -c), to run again
		ProcessHandle.Info info = ProcessHandle.of(postmasterPid()).orElseThrow().info();
		this.commandLine = new ArrayList<>(List.of(info.command().orElseThrow()));
		this.commandLine.addAll(List.of(info.arguments().orElseThrow()));
	}

	static DurablePostgres start(Path directory, int port) {
		Path data = directory.resolve("data");
		Path log = directory.resolve("postgres.log");
		try {
			Files.createDirectories(directory);
			EmbeddedPostgres embedded = EmbeddedPostgres.builder()
				.setPort(port)
				.setDataDirectory(data)
				.setCleanDataDirectory(false)
				.setPGStartupWait(Duration.ofSeconds(120))
				.setServerConfig("max_connections", "200")
				.setServerConfig("fsync", "on")
				.setServerConfig("synchronous_commit", "on")
				.setServerConfig("full_page_writes", "on")
				.setOutputRedirector(java.lang.ProcessBuilder.Redirect.appendTo(log.toFile()))
				.setErrorRedirector(java.lang.ProcessBuilder.Redirect.appendTo(log.toFile()))
				.start();
			return new DurablePostgres(embedded, data, port, log);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("PostgreSQL did not start", ex);
		}
	}

	String jdbcUrl() {
		return "jdbc:postgresql://localhost:" + this.port + "/postgres";
	}

	int port() {
		return this.port;
	}

	/**
	 * @param name a setting, e.g. {@code fsync}
	 * @return its value on the running server
	 */
	String setting(String name) {
		try (Connection connection = admin().getConnection();
				Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery("SHOW " + name)) {
			result.next();
			return result.getString(1);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** A superuser, straight to the server (not through any proxy). */
	PGSimpleDataSource admin() {
		PGSimpleDataSource admin = new PGSimpleDataSource();
		admin.setUrl(jdbcUrl());
		admin.setUser("postgres");
		admin.setPassword("postgres");
		admin.setConnectTimeout(5);
		admin.setSocketTimeout(30);
		return admin;
	}

	/**
	 * Kills the postmaster and every backend with SIGKILL at once, as the OOM killer or a
	 * power cut would: nothing is flushed or checkpointed.
	 */
	void crash() {
		Signals.kill(Signals.withDescendants(postmasterPid()));
	}

	/**
	 * Stops the postmaster and every backend (SIGSTOP): connections stay open, nothing
	 * answers.
	 * @return the frozen processes, to {@link Signals#thaw thaw}
	 */
	List<Long> freeze() {
		// the postmaster first, so that it forks no backend between the listing and the
		// signal (a pool may be opening connections right now), then all below it
		long postmaster = postmasterPid();
		Signals.freeze(List.of(postmaster));
		List<Long> pids = Signals.withDescendants(postmaster);
		Signals.freeze(pids);
		return pids;
	}

	/**
	 * Starts the server again on its data directory (crash recovery replays the WAL) and
	 * waits until it accepts connections.
	 */
	void restart() {
		List<String> command = new ArrayList<>();
		if (LinuxUtils.isUnshareAvailable()) {
			// as the embedded library does: PostgreSQL refuses to run as root, so a root
			// user runs it in a user namespace of its own
			command.addAll(List.of("unshare", "-U"));
		}
		command.addAll(this.commandLine);
		try {
			this.restarted = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.appendTo(this.log.toFile()))
				.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		Awaitility.await("PostgreSQL accepting connections again (log: " + this.log + ")")
			.atMost(Duration.ofMinutes(3))
			.pollInterval(Duration.ofMillis(200))
			.ignoreExceptions()
			.until(() -> setting("server_version") != null);
	}

	/**
	 * @return whether the postmaster is alive (after a crash its pid file stays behind)
	 */
	boolean running() {
		try {
			return Signals.alive(postmasterPid());
		}
		catch (UncheckedIOException noPidFile) {
			return false;
		}
	}

	long postmasterPid() {
		try {
			// the first line of postmaster.pid is the postmaster's process id
			return Long.parseLong(Files.readAllLines(this.dataDirectory.resolve("postmaster.pid")).getFirst().trim());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("PostgreSQL is not running on " + this.dataDirectory, ex);
		}
	}

	@Override
	public void close() {
		if (this.restarted != null) {
			// a fast shutdown (SIGINT) of the server this class started again
			this.restarted.toHandle().destroy();
			Signals.thaw(List.of(this.restarted.pid()));
			try {
				this.restarted.waitFor(60, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			this.restarted.destroyForcibly();
		}
		try {
			this.embedded.close();
		}
		catch (IOException | RuntimeException ex) {
			// the embedded library's own stop finds no server after a restart: expected
		}
	}

}
