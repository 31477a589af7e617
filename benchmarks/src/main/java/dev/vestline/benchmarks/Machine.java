package dev.vestline.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What the figures were measured on.
 */
final class Machine {

	private Machine() {
	}

	static String describe() {
		return "%s, %d cores, %.1f GiB heap max, Java %s, load average at the end %s".formatted(cpu(),
				Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() / 1024.0 / 1024 / 1024,
				System.getProperty("java.version"), loadAverage());
	}

	private static String cpu() {
		try {
			return Files.readAllLines(Path.of("/proc/cpuinfo"))
				.stream()
				.filter((line) -> line.startsWith("model name"))
				.map((line) -> line.substring(line.indexOf(':') + 1).trim())
				.findFirst()
				.orElse("unknown CPU");
		}
		catch (IOException ex) {
			return "unknown CPU";
		}
	}

	private static String loadAverage() {
		try {
			return Files.readString(Path.of("/proc/loadavg")).trim();
		}
		catch (IOException ex) {
			return "unknown";
		}
	}

}
