package dev.vestline.benchmarks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything measured in one benchmark run, in the order measured. A system that could
 * not be run is recorded with the reason.
 */
final class Results {

	private static final Logger logger = LoggerFactory.getLogger(Results.class);

	private final Map<String, Figure> figures = new LinkedHashMap<>();

	private final Map<String, VestlineEndToEnd.Result> latencies = new LinkedHashMap<>();

	private final Map<String, String> notRun = new LinkedHashMap<>();

	private final List<String> remarks = new ArrayList<>();

	/**
	 * Runs one measurement and records it; a failure is recorded, not thrown.
	 */
	void measure(String measure, String system, String unit, String note, DoubleSupplier run) {
		try {
			double value = run.getAsDouble();
			this.figures.computeIfAbsent(measure + "|" + system, (k) -> new Figure(measure, system, unit, note))
				.runs()
				.add(value);
			logger.info("BENCH {} / {}: {} {}", measure, system, String.format("%.0f", value), unit);
		}
		catch (RuntimeException | LinkageError ex) {
			failed(system + " (" + measure + ")", ex);
		}
	}

	void latency(String system, VestlineEndToEnd.Result result) {
		this.latencies.put(system, result);
		logger.info("BENCH end-to-end / {}: {} at {} events/s offered", system, result.percentiles(),
				String.format("%.0f", result.achievedRate()));
	}

	void failed(String what, Throwable ex) {
		logger.warn("BENCH {} failed", what, ex);
		this.notRun.put(what, ex.getClass().getSimpleName() + ": " + ex.getMessage());
	}

	void remark(String remark) {
		this.remarks.add(remark);
	}

	List<Figure> figures() {
		return List.copyOf(this.figures.values());
	}

	Map<String, VestlineEndToEnd.Result> latencies() {
		return this.latencies;
	}

	Map<String, String> notRun() {
		return this.notRun;
	}

	List<String> remarks() {
		return this.remarks;
	}

	double median(String measure, String system) {
		Figure figure = this.figures.get(measure + "|" + system);
		return (figure != null) ? figure.median() : Double.NaN;
	}

}
