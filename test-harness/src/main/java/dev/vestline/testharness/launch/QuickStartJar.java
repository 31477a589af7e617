package dev.vestline.testharness.launch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * A Spring Boot executable jar started the way Spring Boot's "AOT cache" documentation
 * describes, so that it starts in a third of the CPU time: extracted once beside itself,
 * and run with the JVM's ahead-of-time cache (JDK 25), which one training run makes, an
 * ordinary start that exits once its context has refreshed
 * ({@code spring.context.exit=onRefresh}).
 * <p>
 * Measured on this project's 2-core machine, approval-service from its fat jar: 14 CPU
 * seconds until ready; extracted, 9.4; extracted with the cache, 5.2 to 5.8. The training
 * run costs about 22 CPU seconds, once per jar: the local platform, its tests and the
 * console's tests start dozens of processes from the same four jars.
 * <p>
 * The training run is a real start of the application: it needs what the start needs (its
 * database, which it migrates, and its broker), so it takes the start's arguments and
 * environment and runs just before it. Everything kept lives in
 * {@code <jar's directory>/quick-start/<jar name>/} and is made again when the jar's
 * content or the JDK changes (a rebuilt jar with equal content keeps it). When anything
 * of this fails, the jar is started as it is, only more slowly: a start never depends on
 * the cache.
 */
public final class QuickStartJar {

	private static final Duration TRAINING_TIMEOUT = Duration.ofMinutes(5);

	private static final int TRAINING_ATTEMPTS = 2;

	/**
	 * One lock per jar in this JVM: a file lock alone does not exclude this JVM's
	 * threads.
	 */
	private static final Map<Path, Object> locks = new ConcurrentHashMap<>();

	private final Path jar;

	private final Path home;

	private QuickStartJar(Path jar) {
		this.jar = jar.toAbsolutePath().normalize();
		String name = this.jar.getFileName().toString().replaceFirst("\\.jar$", "");
		this.home = this.jar.resolveSibling("quick-start").resolve(name);
	}

	/**
	 * @param jar a Spring Boot executable jar
	 * @return it, to be started quickly
	 */
	public static QuickStartJar of(Path jar) {
		return new QuickStartJar(jar);
	}

	/**
	 * Makes the extracted copy and the AOT cache when they are missing or out of date
	 * (the training run blocks this call), then says how to start the application.
	 * @param jvmOptions the JVM's options, e.g. {@code -Xmx384m}
	 * @param arguments the application's arguments
	 * @param environment the variables the application's process gets beside this one's
	 * @return the command: {@code java}, the options, the cache when there is one, the
	 * jar
	 */
	public List<String> command(List<String> jvmOptions, List<String> arguments, Map<String, String> environment) {
		Path extracted;
		try {
			extracted = prepare(jvmOptions, arguments, environment);
		}
		catch (IOException | RuntimeException ex) {
			System.err.printf("[quick-start] %s starts from its jar, without the AOT cache: %s%n", this.jar, ex);
			return command(jvmOptions, List.of(), this.jar, arguments);
		}
		Path cache = cache();
		return command(jvmOptions, Files.exists(cache) ? List.of("-XX:AOTCache=" + cache) : List.of(), extracted,
				arguments);
	}

	/**
	 * @return where the AOT cache is (or will be)
	 */
	public Path cache() {
		return this.home.resolve("app.aot");
	}

	/**
	 * @return the training run's output, for when it failed
	 */
	public Path trainingLog() {
		return this.home.resolve("training.log");
	}

	private static List<String> command(List<String> jvmOptions, List<String> cacheOptions, Path jar,
			List<String> arguments) {
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.addAll(jvmOptions);
		command.addAll(cacheOptions);
		command.addAll(List.of("-jar", jar.toString()));
		command.addAll(arguments);
		return command;
	}

	private Path prepare(List<String> jvmOptions, List<String> arguments, Map<String, String> environment)
			throws IOException {
		synchronized (locks.computeIfAbsent(this.jar, (any) -> new Object())) {
			Files.createDirectories(this.home.getParent());
			try (FileChannel channel = FileChannel.open(this.home.resolveSibling(this.home.getFileName() + ".lock"),
					StandardOpenOption.CREATE, StandardOpenOption.WRITE); FileLock held = channel.lock()) {
				Path extracted = this.home.resolve("application").resolve(this.jar.getFileName());
				String stamp = stamp();
				Path stampFile = this.home.resolve("stamp");
				if (!Files.exists(stampFile) || !Files.readString(stampFile).equals(stamp)) {
					extract();
					Files.writeString(stampFile, stamp);
				}
				if (!Files.exists(cache()) && trainingAttempts() < TRAINING_ATTEMPTS) {
					train(extracted, jvmOptions, arguments, environment);
				}
				return extracted;
			}
		}
	}

	/**
	 * @return what the jar holds (each entry's name, size and CRC, not its time: a jar
	 * rebuilt from the same classes keeps its cache) and which JDK runs it
	 */
	private String stamp() throws IOException {
		try (ZipFile zip = new ZipFile(this.jar.toFile())) {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			List<? extends ZipEntry> entries = Collections.list(zip.entries());
			for (ZipEntry entry : entries) {
				digest.update((entry.getName() + ' ' + entry.getSize() + ' ' + entry.getCrc() + '\n')
					.getBytes(StandardCharsets.UTF_8));
			}
			return HexFormat.of().formatHex(digest.digest()) + ' ' + System.getProperty("java.home") + ' '
					+ Runtime.version();
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private void extract() throws IOException {
		deleteRecursively(this.home);
		Files.createDirectories(this.home);
		run(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Djarmode=tools", "-jar",
				this.jar.toString(), "extract", "--destination", this.home.resolve("application").toString()), Map.of(),
				this.home.resolve("extract.log"), Duration.ofMinutes(2));
	}

	private void train(Path extracted, List<String> jvmOptions, List<String> arguments, Map<String, String> environment)
			throws IOException {
		Files.writeString(this.home.resolve("training-attempts"), String.valueOf(trainingAttempts() + 1));
		List<String> options = new ArrayList<>(jvmOptions);
		options.addAll(List.of("-XX:AOTCacheOutput=" + cache(), "-Dspring.context.exit=onRefresh"));
		try {
			run(command(options, List.of(), extracted, arguments), environment, trainingLog(), TRAINING_TIMEOUT);
		}
		catch (IOException | RuntimeException ex) {
			Files.deleteIfExists(cache());
			throw ex;
		}
		if (!Files.exists(cache())) {
			throw new IllegalStateException("the training run made no AOT cache: see " + trainingLog());
		}
	}

	private int trainingAttempts() throws IOException {
		Path attempts = this.home.resolve("training-attempts");
		return Files.exists(attempts) ? Integer.parseInt(Files.readString(attempts).strip()) : 0;
	}

	private static void run(List<String> command, Map<String, String> environment, Path log, Duration timeout)
			throws IOException {
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
		builder.environment().putAll(environment);
		Process process = builder.start();
		try {
			if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
				process.destroyForcibly().waitFor();
				throw new IllegalStateException("still running after " + timeout + ": see " + log);
			}
		}
		catch (InterruptedException ex) {
			process.destroyForcibly();
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted", ex);
		}
		if (process.exitValue() != 0) {
			throw new IllegalStateException("exited with " + process.exitValue() + ": see " + log);
		}
	}

	private static void deleteRecursively(Path directory) throws IOException {
		if (!Files.exists(directory)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(directory)) {
			for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
				Files.delete(path);
			}
		}
		catch (UncheckedIOException ex) {
			throw ex.getCause();
		}
	}

}
