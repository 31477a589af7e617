package dev.vestline.benchmarks;

import java.util.ArrayList;
import java.util.List;

/**
 * One measurement of one system over several runs.
 *
 * @param measure what was measured, e.g. "relay"
 * @param system who, e.g. "Vestline"
 * @param unit e.g. "events/s"
 * @param runs the value of each run
 * @param note how it was measured, if it differs from the others
 */
record Figure(String measure, String system, String unit, List<Double> runs, String note) {

	Figure(String measure, String system, String unit, String note) {
		this(measure, system, unit, new ArrayList<>(), note);
	}

	double median() {
		List<Double> sorted = this.runs.stream().sorted().toList();
		int n = sorted.size();
		return (n % 2 == 1) ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
	}

	double min() {
		return this.runs.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
	}

	double max() {
		return this.runs.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
	}

}
