package dev.vestline.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The whole platform's throughput: subscriptions driven concurrently through request, two
 * decisions, signing by both parties, fee, funding match and position, over the public
 * APIs ({@link FundedSubscription}), with 1 and with N replicas per service. For each:
 * lifecycles per second with more and more callers (closed load), then every API call's
 * latency at half the best rate (open load), CPU seconds by process, and, when the JVMs
 * record with Java Flight Recorder into {@code jfr=<directory>}, where each service's CPU
 * went. Writes {@code benchmarks/results/platform-latest.md}.
 * <p>
 * {@code java ... dev.vestline.platform.PlatformThroughput replicas=1,2 callers=4,8,16 seconds=60 warmup=30 [jfr=dir]}
 */
public final class PlatformThroughput {

	private static final Map<String, Map<String, String>> PROPERTIES = Map.of("billing",
			Map.of("vestline.billing.invoices.run-cron", "-", "vestline.billing.management-fees.cron", "-"));

	private PlatformThroughput() {
	}

	public static void main(String[] args) throws Exception {
		Map<String, String> settings = settings(args);
		List<Integer> replicaCounts = numbers(settings.getOrDefault("replicas", "1,2"));
		List<Integer> callers = numbers(settings.getOrDefault("callers", "4,8,16"));
		Duration window = Duration.ofSeconds(Long.parseLong(settings.getOrDefault("seconds", "60")));
		Duration warmup = Duration.ofSeconds(Long.parseLong(settings.getOrDefault("warmup", "30")));
		Path jfr = settings.containsKey("jfr") ? Path.of(settings.get("jfr")) : null;
		StringBuilder report = new StringBuilder("# Platform throughput (").append(Instant.now())
			.append(")\n\nArguments: ")
			.append(String.join(" ", args))
			.append("\n");
		for (int replicas : replicaCounts) {
			report.append(measure(replicas, callers, window, warmup, jfr));
			Files.writeString(Path.of("benchmarks", "results", "platform-latest.md"), report);
		}
		System.out.println(report);
		System.exit(0);
	}

	private static String measure(int replicas, List<Integer> callers, Duration window, Duration warmup, Path jfr)
			throws InterruptedException {
		Path home = Path
			.of("benchmarks", "target", "platform", "replicas-" + replicas + "-" + System.currentTimeMillis())
			.toAbsolutePath();
		PlatformOptions options = PlatformOptions.forTests(home, Path.of("").toAbsolutePath(), PROPERTIES);
		StringBuilder out = new StringBuilder("\n## " + replicas + " replica(s) per service\n\n");
		Map<Long, String> jvms = new HashMap<>();
		Instant[] loadWindow = { Instant.MIN, Instant.MAX };
		try (LocalPlatform platform = LocalPlatform.start((replicas > 1) ? options.withReplicas(replicas) : options)) {
			PlatformOptions.SERVICE_ORDER.forEach((service) -> platform.replicas(service)
				.processes()
				.forEach((process) -> jvms.put(process.pid(), service + " " + process.baseUrl())));
			out.append("Load average at start: ").append(loadAverage()).append("\n\n");
			SubscriptionLoad load = new SubscriptionLoad(platform);
			SubscriptionLoad.Run warm = load.closed(callers.getFirst(), warmup, new ApiCalls());
			out.append("Warm-up (not counted): %d flows in %.0f s, %d failed%n%n".formatted(warm.flows(),
					warm.seconds(), warm.failures().size()));
			Instant loadBegan = Instant.now();
			ProcessCpu cpu = new ProcessCpu(platform, home);
			out.append("| callers | lifecycles/s | lifecycle p50 | lifecycle p99 | failed | CPU s per lifecycle: ")
				.append(String.join(", ", cpu.seconds().keySet()))
				.append(" |\n|---:|---:|---:|---:|---:|---|\n");
			double best = 0;
			for (int concurrency : callers) {
				Map<String, Double> before = cpu.seconds();
				SubscriptionLoad.Run run = load.closed(concurrency, window, new ApiCalls());
				Map<String, Double> used = ProcessCpu.between(before, cpu.seconds());
				best = Math.max(best, run.rate());
				out.append("| %d | %.2f | %d ms | %d ms | %d | %s |%n".formatted(concurrency, run.rate(),
						run.took().p50().toMillis(), run.took().p99().toMillis(), run.failures().size(),
						perFlow(used, run)));
				run.failures().stream().limit(3).forEach((failure) -> System.out.println("failed: " + failure));
			}
			out.append("\nLoad average after the closed runs: ").append(loadAverage()).append("\n");
			ApiCalls calls = new ApiCalls();
			SubscriptionLoad.Run half = load.open(best / 2, window, calls);
			out.append("\n### At half the best rate: %.2f lifecycles/s offered for %d s%n%n".formatted(best / 2,
					window.toSeconds()));
			out.append(
					"%d flows, %d failed, lifecycle p50 %d ms, p99 %d ms; answers 503 with Retry-After: %d; other 5xx: %d%n%n"
						.formatted(half.flows(), half.failures().size(), half.took().p50().toMillis(),
								half.took().p99().toMillis(), calls.askedToRetry(), calls.serverErrors().size()));
			out.append("| call | answers | p50 | p99 | max |\n|---|---:|---:|---:|---:|\n");
			calls.latencies()
				.forEach((call, latency) -> out.append("| `%s` | %d | %.1f ms | %.1f ms | %.1f ms |%n".formatted(call,
						latency.count(), millis(latency.p50()), millis(latency.p99()), millis(latency.max()))));
			out.append("\nLoad average at the end: ").append(loadAverage()).append("\n");
			jvms.putAll(brokerJvm(home));
			loadWindow = new Instant[] { loadBegan, Instant.now() };
		}
		if (jfr != null) {
			out.append(profiles(jfr, jvms, loadWindow[0], loadWindow[1]));
		}
		return out.toString();
	}

	private static String perFlow(Map<String, Double> used, SubscriptionLoad.Run run) {
		List<String> cells = new ArrayList<>();
		used.forEach((group, seconds) -> cells.add("%.3f".formatted(seconds / Math.max(1, run.flows()))));
		return String.join(", ", cells);
	}

	/**
	 * Each JVM's recording of this platform (named by pid), by category: only the samples
	 * taken under load (the closed and open runs), since start-up would swamp them.
	 */
	private static String profiles(Path directory, Map<Long, String> jvms, Instant from, Instant to) {
		StringBuilder out = new StringBuilder(
				"\n### Where each JVM's CPU went under load (Java Flight Recorder execution samples from %s to %s)\n\n"
					.formatted(from, to));
		try (Stream<Path> files = Files.list(directory)) {
			for (Path file : files.filter((f) -> f.toString().endsWith(".jfr")).sorted().toList()) {
				String name = jvms.entrySet()
					.stream()
					.filter((jvm) -> file.getFileName().toString().contains("pid-" + jvm.getKey() + "-"))
					.map(Map.Entry::getValue)
					.findFirst()
					.orElse(null);
				if (name == null) {
					continue;
				}
				Map<String, Long> samples = ExecutionProfile.of(file, from, to);
				long all = Math.max(1, samples.get("all"));
				out.append("- **").append(name).append("** (").append(all).append(" samples): ");
				List<String> shares = new ArrayList<>();
				samples.entrySet()
					.stream()
					.filter((s) -> !s.getKey().equals("all") && s.getValue() > 0)
					.sorted(Map.Entry.<String, Long>comparingByValue().reversed())
					.forEach((s) -> shares.add("%s %.0f%%".formatted(s.getKey(), 100.0 * s.getValue() / all)));
				out.append(String.join(", ", shares)).append("\n");
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toString();
	}

	private static Map<Long, String> brokerJvm(Path home) {
		Map<Long, String> broker = new HashMap<>();
		ProcessHandle.allProcesses()
			.filter((p) -> p.info()
				.commandLine()
				.map((c) -> c.contains(home.toString()) && c.contains("kafka"))
				.orElse(false))
			.forEach((p) -> broker.put(p.pid(), "kafka broker"));
		return broker;
	}

	private static double millis(Duration duration) {
		return duration.toNanos() / 1e6;
	}

	private static String loadAverage() {
		try {
			return Files.readString(Path.of("/proc/loadavg")).strip();
		}
		catch (IOException ex) {
			return "unknown";
		}
	}

	private static List<Integer> numbers(String list) {
		return Arrays.stream(list.split(",")).map(String::strip).map(Integer::valueOf).toList();
	}

	private static Map<String, String> settings(String[] args) {
		Map<String, String> settings = new LinkedHashMap<>();
		for (String arg : args) {
			String[] pair = arg.split("=", 2);
			settings.put(pair[0], (pair.length > 1) ? pair[1] : "");
		}
		return settings;
	}

}
