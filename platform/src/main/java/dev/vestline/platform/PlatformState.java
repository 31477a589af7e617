package dev.vestline.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The platform's state on disk under its home: embedded PostgreSQL's data directory and
 * the broker's configuration, log and data. They are kept, or thrown away, together: the
 * outboxes' "published" marks and the consumers' inboxes in PostgreSQL describe what is
 * on the broker, so a database with a broker from another run (or none) would leave
 * events lost or applied twice.
 *
 * @param postgres the embedded server's data directory
 * @param kafka the broker's directory
 * @param kept whether the state of an earlier run is carried on
 */
record PlatformState(Path postgres, Path kafka, boolean kept) {

	/**
	 * Keeps the state of the last run, or with {@code fresh} throws it away.
	 * @param home the platform's home ({@code .vestline/})
	 * @param fresh whether to start over
	 * @param embeddedPostgres whether PostgreSQL's data lives under the home too
	 * @return the directories to run on
	 * @throws IllegalStateException when only one half of an earlier run's state is there
	 */
	static PlatformState prepare(Path home, boolean fresh, boolean embeddedPostgres) {
		Path postgres = home.resolve("postgres");
		Path kafka = home.resolve("kafka");
		if (fresh) {
			deleteRecursively(postgres);
			deleteRecursively(kafka);
			return new PlatformState(postgres, kafka, false);
		}
		boolean database = Files.exists(postgres.resolve("PG_VERSION"));
		boolean broker = Files.exists(kafka.resolve("server.properties"));
		if (embeddedPostgres && database != broker) {
			throw new IllegalStateException(
					"Only the " + (database ? "database" : "broker") + " of an earlier run is in " + home
							+ ": the two belong together. Start over with ./vestline --fresh");
		}
		return new PlatformState(postgres, kafka, broker);
	}

	private static void deleteRecursively(Path directory) {
		if (!Files.exists(directory)) {
			return;
		}
		try (Stream<Path> files = Files.walk(directory)) {
			files.sorted(Comparator.reverseOrder()).forEach((file) -> file.toFile().delete());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
