package dev.vestline.benchmarks;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * End-to-end latencies: when each event's producing transaction committed, when the
 * consumer's transaction that applied it committed; joined at the end, so that the two
 * sides never wait for each other.
 */
final class Latencies {

	private final Map<Long, Long> committed = new ConcurrentHashMap<>();

	private final Map<Long, Long> applied = new ConcurrentHashMap<>();

	void committed(long sequence) {
		this.committed.put(sequence, System.nanoTime());
	}

	void applied(Iterable<Long> sequences) {
		long now = System.nanoTime();
		sequences.forEach((sequence) -> this.applied.putIfAbsent(sequence, now));
	}

	int appliedCount() {
		return this.applied.size();
	}

	int committedCount() {
		return this.committed.size();
	}

	/**
	 * @param fromSequence the first sequence to count (the ones before are warm-up)
	 * @return the percentiles, in milliseconds
	 */
	Percentiles percentiles(long fromSequence) {
		double[] millis = this.committed.entrySet()
			.stream()
			.filter((e) -> e.getKey() >= fromSequence && this.applied.containsKey(e.getKey()))
			.mapToDouble((e) -> (this.applied.get(e.getKey()) - e.getValue()) / 1e6)
			.sorted()
			.toArray();
		return new Percentiles(at(millis, 0.50), at(millis, 0.99), at(millis, 0.999), millis.length);
	}

	private static double at(double[] sorted, double quantile) {
		if (sorted.length == 0) {
			return Double.NaN;
		}
		int index = (int) Math.ceil(quantile * sorted.length) - 1;
		return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
	}

	/**
	 * @param p50 median, ms
	 * @param p99 99th percentile, ms
	 * @param p999 99.9th percentile, ms
	 * @param samples events counted
	 */
	record Percentiles(double p50, double p99, double p999, int samples) {

		@Override
		public String toString() {
			return "p50 %.1f ms, p99 %.1f ms, p99.9 %.1f ms (%d events)".formatted(this.p50, this.p99, this.p999,
					this.samples);
		}

	}

}
