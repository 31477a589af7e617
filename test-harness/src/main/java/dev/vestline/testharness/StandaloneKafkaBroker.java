package dev.vestline.testharness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import dev.vestline.testharness.launch.JitChoice;
import org.awaitility.Awaitility;
import org.jspecify.annotations.Nullable;

/**
 * A real single-node KRaft broker in a process of its own (the {@code kafka_2.13} jars on
 * this JVM's class path), on a fixed port and a data directory that outlives it: a test
 * can kill it like a crash and start it again where clients expect it, with its data.
 */
public final class StandaloneKafkaBroker implements AutoCloseable {

	private final Path directory;

	private final int port;

	private final Path config;

	/** The JIT and collector options of the broker's JVM. */
	private final List<String> jvmOptions;

	private @Nullable Process process;

	private StandaloneKafkaBroker(Path directory, int port, List<String> jvmOptions) {
		this.directory = directory;
		this.port = port;
		this.config = directory.resolve("server.properties");
		this.jvmOptions = jvmOptions;
	}

	/**
	 * Formats a new data directory and starts the broker.
	 * @return the running broker, on a free port
	 */
	public static StandaloneKafkaBroker start() {
		return startInTemporaryDirectory(jitAndCollector());
	}

	/**
	 * Formats a new data directory and starts the broker on the JVM's defaults (both JIT
	 * tiers, G1), as the benchmarks measured it: for a broker that carries a heavy load.
	 * @return the running broker, on a free port
	 */
	public static StandaloneKafkaBroker startWithJvmDefaults() {
		return startInTemporaryDirectory(List.of());
	}

	private static StandaloneKafkaBroker startInTemporaryDirectory(List<String> jvmOptions) {
		try {
			return start(Files.createTempDirectory("vestline-kafka"), FreePorts.pick(), FreePorts.pick(), jvmOptions);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Starts a broker on fixed ports, formatting the directory first unless it already
	 * holds a broker's configuration (then the broker comes back with its data).
	 * @param directory where configuration, data and logs live
	 * @param port the client port
	 * @param controllerPort the KRaft controller port
	 * @return the running broker
	 */
	public static StandaloneKafkaBroker start(Path directory, int port, int controllerPort) {
		return start(directory, port, controllerPort, jitAndCollector());
	}

	private static StandaloneKafkaBroker start(Path directory, int port, int controllerPort, List<String> jvmOptions) {
		try {
			Files.createDirectories(directory);
			StandaloneKafkaBroker broker = new StandaloneKafkaBroker(directory, port, jvmOptions);
			if (!Files.exists(broker.config)) {
				broker.format(controllerPort);
			}
			broker.restart();
			return broker;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * @return {@code localhost:<port>}
	 */
	public String bootstrapServers() {
		return "localhost:" + this.port;
	}

	/** Kills the broker process at once, as a crash would. */
	public void kill() {
		if (this.process != null) {
			this.process.destroyForcibly();
			waitFor(this.process);
			this.process = null;
		}
	}

	/**
	 * Starts the broker again on the same port and data, and waits until it accepts
	 * connections.
	 */
	public void restart() {
		if (this.process != null) {
			return;
		}
		try {
			this.process = java(this.jvmOptions, "kafka.Kafka", this.config.toString()).redirectErrorStream(true)
				.redirectOutput(this.directory.resolve("broker.log").toFile())
				.start();
			Process started = this.process;
			// a JVM that ends without closing the broker must not leave it running
			Runtime.getRuntime().addShutdownHook(new Thread(started::destroyForcibly));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		// generous: a broker recovering its logs on a busy 2-core machine takes minutes
		awaitListening(Duration.ofMinutes(3));
	}

	@Override
	public void close() {
		kill();
	}

	private void format(int controllerPort) throws IOException {
		Files.writeString(this.config, """
				process.roles=broker,controller
				node.id=1
				controller.quorum.bootstrap.servers=localhost:%2$d
				listeners=PLAINTEXT://localhost:%1$d,CONTROLLER://localhost:%2$d
				advertised.listeners=PLAINTEXT://localhost:%1$d
				controller.listener.names=CONTROLLER
				inter.broker.listener.name=PLAINTEXT
				listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
				log.dirs=%3$s
				num.partitions=%4$d
				offsets.topic.replication.factor=1
				offsets.topic.num.partitions=4
				transaction.state.log.replication.factor=1
				transaction.state.log.min.isr=1
				group.initial.rebalance.delay.ms=0
				auto.create.topics.enable=true
				""".formatted(this.port, controllerPort, this.directory.resolve("data"), KafkaBroker.PARTITIONS));
		Process format = java(this.jvmOptions, "kafka.tools.StorageTool", "format", "--standalone",
				// "=" form: a random id may begin with "-", which would read as an option
				"--cluster-id=" + clusterId(), "-c", this.config.toString())
			.redirectErrorStream(true)
			.redirectOutput(this.directory.resolve("format.log").toFile())
			.start();
		if (waitFor(format) != 0) {
			throw new IllegalStateException("Formatting the Kafka data directory failed: see " + this.directory);
		}
	}

	private static String clusterId() {
		// a Kafka cluster id is 16 random bytes, URL-safe base64 without padding
		UUID uuid = UUID.randomUUID();
		var bytes = java.nio.ByteBuffer.allocate(16)
			.putLong(uuid.getMostSignificantBits())
			.putLong(uuid.getLeastSignificantBits());
		return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes.array());
	}

	private static ProcessBuilder java(List<String> jvmOptions, String mainClass, String... args) {
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m"));
		command.addAll(jvmOptions);
		command.addAll(List.of("-cp", System.getProperty("java.class.path"), mainClass));
		command.addAll(List.of(args));
		return new ProcessBuilder(command);
	}

	/**
	 * The JIT's first tier and the serial collector, as the local platform's services run
	 * (and the tests' JVMs): the broker of a test or of {@code ./vestline} carries a few
	 * events a second and sits idle most of its life. Measured on this 2-core machine (7
	 * Dec, a new broker started by hand, CPU from {@code /proc/<pid>/stat}): 6.0 CPU
	 * seconds until it listened and 2.4 a minute idle with the JVM's defaults, 4.7 and
	 * 1.9 with these. Both tiers and the default collector with
	 * {@code VESTLINE_JIT=full}, as for the services (the platform benchmark), and for
	 * {@link #startWithJvmDefaults()}.
	 */
	private static List<String> jitAndCollector() {
		return JitChoice.full() ? List.of() : List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");
	}

	private void awaitListening(Duration timeout) {
		Awaitility.await("Kafka listening on " + this.port + " (log: " + this.directory.resolve("broker.log") + ")")
			.atMost(timeout)
			.pollInterval(Duration.ofMillis(200))
			.until(this::listening);
	}

	private boolean listening() {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("localhost", this.port), 500);
			return true;
		}
		catch (IOException notYet) {
			if (this.process == null || !this.process.isAlive()) {
				throw new IllegalStateException("Kafka exited: see " + this.directory.resolve("broker.log"));
			}
			return false;
		}
	}

	private static int waitFor(Process process) {
		try {
			process.waitFor(60, TimeUnit.SECONDS);
			return process.exitValue();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
