package dev.vestline.platform;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * CPU time of the platform's processes from {@code /proc} (Linux): each service's
 * replicas, PostgreSQL (the postmaster whose command line names the platform's home and
 * every backend it forked), the broker (the same), and the load generator itself.
 */
final class ProcessCpu {

	private static final double TICKS_PER_SECOND = 100.0;

	private final LocalPlatform platform;

	private final Path home;

	ProcessCpu(LocalPlatform platform, Path home) {
		this.platform = platform;
		this.home = home;
	}

	/**
	 * @return CPU seconds used so far, by group (processes that ended are not counted)
	 */
	Map<String, Double> seconds() {
		Map<String, Double> groups = new LinkedHashMap<>();
		for (String service : PlatformOptions.SERVICE_ORDER) {
			double sum = 0;
			for (ServiceProcess replica : this.platform.replicas(service).processes()) {
				sum += replica.serving() ? ticks(replica.pid()) : 0;
			}
			groups.put(service, sum / TICKS_PER_SECOND);
		}
		Map<Long, String> commands = commands();
		double postgres = 0;
		double broker = 0;
		for (var process : commands.entrySet()) {
			String command = process.getValue();
			if (!command.contains(this.home.toString())) {
				continue;
			}
			if (command.contains("kafka")) {
				broker += ticks(process.getKey());
			}
			else if (command.contains("postgres")) {
				postgres += ticks(process.getKey())
						+ children(process.getKey()).stream().mapToDouble(ProcessCpu::ticks).sum();
			}
		}
		groups.put("postgresql", postgres / TICKS_PER_SECOND);
		groups.put("kafka broker", broker / TICKS_PER_SECOND);
		groups.put("load generator", ticks(ProcessHandle.current().pid()) / TICKS_PER_SECOND);
		return groups;
	}

	/**
	 * @param before a reading
	 * @param after a later one
	 * @return the CPU seconds each group used between the two
	 */
	static Map<String, Double> between(Map<String, Double> before, Map<String, Double> after) {
		Map<String, Double> used = new LinkedHashMap<>();
		after.forEach((group, seconds) -> used.put(group, seconds - before.getOrDefault(group, 0.0)));
		return used;
	}

	private static List<Long> children(long parent) {
		return ProcessHandle.of(parent).stream().flatMap(ProcessHandle::children).map(ProcessHandle::pid).toList();
	}

	private static Map<Long, String> commands() {
		Map<Long, String> commands = new HashMap<>();
		ProcessHandle.allProcesses().forEach((process) -> commands.put(process.pid(), commandLine(process.pid())));
		return commands;
	}

	private static String commandLine(long pid) {
		try {
			return new String(Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline")),
					StandardCharsets.UTF_8)
				.replace('\0', ' ');
		}
		catch (IOException | RuntimeException gone) {
			return "";
		}
	}

	/** utime + stime of a process, in clock ticks; 0 when it is gone. */
	private static double ticks(long pid) {
		try (Stream<String> lines = Files.lines(Path.of("/proc", Long.toString(pid), "stat"))) {
			String stat = lines.findFirst().orElse("");
			String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
			return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
		}
		catch (IOException | RuntimeException gone) {
			return 0;
		}
	}

}
