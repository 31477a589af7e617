package dev.vestline.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

/**
 * Writes the figures of a run as Markdown tables (pasted into BENCHMARKS.md) next to the
 * plot.
 */
final class Report {

	static final String RAW_PRODUCER = "Kafka producer alone (no database)";

	static final String POSTGRES = "PostgreSQL single-row INSERT + commit";

	private Report() {
	}

	static String markdown(Results results, Sizes sizes, String machine) {
		StringBuilder md = new StringBuilder();
		md.append("Measured ").append(Instant.now()).append(" on ").append(machine).append("; sizes: ").append(sizes);
		md.append("\n\n| measurement | system | median | min – max | runs | vs limit | Vestline ÷ system |\n");
		md.append("|---|---|---:|---:|---:|---:|---:|\n");
		for (Figure figure : results.figures()) {
			md.append("| %s | %s | %,.0f %s | %,.0f – %,.0f | %d | %s | %s |\n".formatted(figure.measure(),
					figure.system() + (figure.note().isEmpty() ? "" : " (" + figure.note() + ")"), figure.median(),
					figure.unit(), figure.min(), figure.max(), figure.runs().size(), vsLimit(results, figure),
					vsVestline(results, figure)));
		}
		md.append("\n| end to end, commit → consumer commit | offered load | p50 | p99 | p99.9 | events counted "
				+ "| of which row written → Kafka ack, mean / p99 |\n");
		md.append("|---|---:|---:|---:|---:|---:|---:|\n");
		for (Map.Entry<String, VestlineEndToEnd.Result> entry : results.latencies().entrySet()) {
			var p = entry.getValue().percentiles();
			double publish = entry.getValue().publishMeanMillis();
			double publishP99 = entry.getValue().publishP99Millis();
			md.append("| %s | %,.0f events/s | %.1f ms | %.1f ms | %.1f ms | %,d | %s |\n".formatted(entry.getKey(),
					entry.getValue().achievedRate(), p.p50(), p.p99(), p.p999(), p.samples(),
					Double.isNaN(publish) ? "" : "%.1f / %.1f ms".formatted(publish, publishP99)));
		}
		if (!results.notRun().isEmpty()) {
			md.append("\nNot measured:\n\n");
			results.notRun().forEach((what, why) -> md.append("- ").append(what).append(": ").append(why).append('\n'));
		}
		results.remarks().forEach((remark) -> md.append("\n").append(remark).append('\n'));
		return md.toString();
	}

	private static String vsLimit(Results results, Figure figure) {
		return switch (figure.measure()) {
			case "limit" -> "";
			case "consumer" -> percent(figure.median() / results.median("limit", POSTGRES)) + " of PG commits";
			default -> percent(figure.median() / results.median("limit", RAW_PRODUCER)) + " of raw producer";
		};
	}

	private static String vsVestline(Results results, Figure figure) {
		if (figure.system().startsWith("Vestline") || figure.measure().equals("limit")) {
			return "";
		}
		return "%.2f×".formatted(results.median(figure.measure(), "Vestline") / figure.median());
	}

	private static String percent(double ratio) {
		return Double.isNaN(ratio) ? "n/a" : "%.0f%%".formatted(ratio * 100);
	}

	static void write(Path file, String text) {
		try {
			Files.createDirectories(file.getParent());
			Files.writeString(file, text);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
