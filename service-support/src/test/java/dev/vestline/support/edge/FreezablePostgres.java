package dev.vestline.support.edge;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A PostgreSQL server of one test's own (real binaries, as the harness's), which the test
 * can freeze like a stopped host: SIGSTOP to the postmaster and every backend, SIGCONT to
 * thaw. Never the shared server: freezing that would stall every other test of the JVM.
 */
final class FreezablePostgres implements AutoCloseable {

	private final EmbeddedPostgres postgres;

	private final Path dataDirectory;

	private FreezablePostgres(EmbeddedPostgres postgres, Path dataDirectory) {
		this.postgres = postgres;
		this.dataDirectory = dataDirectory;
	}

	static FreezablePostgres start() {
		try {
			Path directory = Files.createTempDirectory("vestline-frozen-pg");
			return new FreezablePostgres(EmbeddedPostgres.builder()
				.setDataDirectory(directory)
				.setCleanDataDirectory(true)
				.setPGStartupWait(Duration.ofSeconds(120))
				.setServerConfig("fsync", "off")
				.start(), directory);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Embedded PostgreSQL did not start", ex);
		}
	}

	String jdbcUrl() {
		return this.postgres.getJdbcUrl("postgres", "postgres").replaceAll("\\?.*$", "");
	}

	/**
	 * Stops the postmaster first, so that it forks no backend any more (the pool may be
	 * opening connections right now), then every process below it.
	 */
	void freeze() {
		ProcessHandle postmaster = postmaster();
		signal("-STOP", postmaster);
		postmaster.descendants().forEach((process) -> signal("-STOP", process));
	}

	void thaw() {
		ProcessHandle postmaster = postmaster();
		postmaster.descendants().forEach((process) -> signal("-CONT", process));
		signal("-CONT", postmaster);
	}

	private ProcessHandle postmaster() {
		try {
			long pid = Long
				.parseLong(Files.readAllLines(this.dataDirectory.resolve("postmaster.pid")).getFirst().trim());
			return ProcessHandle.of(pid).orElseThrow(() -> new IllegalStateException("PostgreSQL is not running"));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * A backend that ended meanwhile needs no signal; the postmaster must get its own.
	 */
	private static void signal(String signal, ProcessHandle process) {
		try {
			int exit = new ProcessBuilder("kill", signal, String.valueOf(process.pid())).inheritIO().start().waitFor();
			if (exit != 0 && process.isAlive()) {
				throw new IllegalStateException("Could not send " + signal + " to PostgreSQL process " + process.pid());
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	@Override
	public void close() throws IOException {
		thaw();
		this.postgres.close();
	}

}
