package dev.vestline.support.edge;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

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

	void freeze() {
		signal("-STOP");
	}

	void thaw() {
		signal("-CONT");
	}

	private void signal(String signal) {
		try {
			long postmaster = Long
				.parseLong(Files.readAllLines(this.dataDirectory.resolve("postmaster.pid")).getFirst().trim());
			ProcessHandle handle = ProcessHandle.of(postmaster).orElseThrow();
			List<String> command = new ArrayList<>(List.of("kill", signal, String.valueOf(postmaster)));
			handle.descendants().forEach((process) -> command.add(String.valueOf(process.pid())));
			if (new ProcessBuilder(command).inheritIO().start().waitFor() != 0) {
				throw new IllegalStateException("Could not signal PostgreSQL: " + command);
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
