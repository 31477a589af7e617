package dev.vestline.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.awaitility.Awaitility;
import org.jspecify.annotations.Nullable;

import dev.vestline.testharness.launch.JitChoice;
import dev.vestline.testharness.launch.QuickStartJar;

/**
 * What the platform does with each process it starts (a service, the identity provider,
 * the mail server, the console): finds its jar, starts it with its output in its own log,
 * waits until it answers, and stops it gracefully.
 */
final class ChildProcesses {

	private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private ChildProcesses() {
	}

	/**
	 * @param module the module whose {@code target} holds the jar
	 * @param repository the repository root
	 * @param name the jar's file name, as a regular expression
	 * @return the jar
	 * @throws IllegalStateException when the module was not built
	 */
	static Path jar(Path repository, String module, String name) {
		Path target = repository.resolve(module).resolve("target");
		try (Stream<Path> files = Files.exists(target) ? Files.list(target) : Stream.empty()) {
			return files.filter((f) -> f.getFileName().toString().matches(name))
				.findFirst()
				.orElseThrow(() -> new IllegalStateException(
						"No jar of " + module + " in " + target + ": build it with ./mvnw -B package -DskipTests"));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * @param heap the JVM's maximum heap, e.g. {@code 256m}
	 * @return the platform's JVM options: the JIT's first tier only, which starts a dozen
	 * JVMs on two cores in half the time; with {@code VESTLINE_JIT=full} in the
	 * environment both tiers, as a production JVM runs (slower to start, faster once
	 * warm: for the platform benchmark)
	 */
	static List<String> jvmOptions(String heap) {
		List<String> options = new ArrayList<>(List.of("-Xmx" + heap));
		if (!JitChoice.full()) {
			options.add("-XX:TieredStopAtLevel=1");
		}
		return options;
	}

	/**
	 * @param heap the JVM's maximum heap
	 * @param jar an executable jar
	 * @return {@code java} with the platform's JVM options, ready for arguments
	 */
	static List<String> java(String heap, Path jar) {
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
		command.addAll(jvmOptions(heap));
		command.addAll(List.of("-jar", jar.toString()));
		return command;
	}

	/**
	 * A Spring Boot application started quickly ({@link QuickStartJar}: extracted, with
	 * the JVM's AOT cache; the first start of a jar first makes the cache, which takes
	 * about as long as a start).
	 * @param heap the JVM's maximum heap
	 * @param jar its executable jar
	 * @param arguments its arguments
	 * @param environment the variables its process gets beside this one's
	 * @return the process to start
	 */
	static ProcessBuilder springBootApplication(String heap, Path jar, List<String> arguments,
			Map<String, String> environment) {
		ProcessBuilder builder = new ProcessBuilder(
				QuickStartJar.of(jar).command(jvmOptions(heap), arguments, environment));
		builder.environment().putAll(environment);
		return builder;
	}

	/**
	 * Starts a process with its standard output and error appended to its log.
	 * @param builder the command, its environment set
	 * @param log the log file (its directory is created)
	 * @param what what it is, for the error
	 * @return the running process
	 */
	static Process start(ProcessBuilder builder, Path log, String what) {
		try {
			Files.createDirectories(log.getParent());
			return builder.redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
				.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start " + what, ex);
		}
	}

	/**
	 * Waits until a process answers, failing at once when it exits instead.
	 * @param what what it is, for the errors
	 * @param process the process (read on every poll: it may be restarted meanwhile)
	 * @param log its log, named in the errors
	 * @param timeout how long to wait
	 * @param answers whether it answers now
	 */
	static void awaitAnswering(String what, Supplier<@Nullable Process> process, Path log, Duration timeout,
			Callable<Boolean> answers) {
		Awaitility.await(what + " ready (log: " + log + ")")
			.atMost(timeout)
			.pollInterval(Duration.ofMillis(250))
			.until(() -> {
				Process running = process.get();
				if (running == null || !running.isAlive()) {
					throw new IllegalStateException(what + " exited during start-up: see " + log);
				}
				return answers.call();
			});
	}

	/**
	 * @param uri a health or discovery URL
	 * @return whether it answers 200 now; {@code false} while nothing listens
	 */
	static boolean answersOk(URI uri) throws InterruptedException {
		try {
			return http
				.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(2)).build(),
						HttpResponse.BodyHandlers.discarding())
				.statusCode() == 200;
		}
		catch (IOException notYet) {
			return false; // not listening yet
		}
	}

	/**
	 * SIGTERM, then the grace period for the process's own shutdown, then SIGKILL.
	 * @param process the process, or {@code null} when it never started
	 * @param grace how long its graceful shutdown may take
	 */
	static void stop(@Nullable Process process, Duration grace) {
		if (process == null) {
			return;
		}
		process.destroy();
		try {
			if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
				process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			process.destroyForcibly();
		}
	}

}
