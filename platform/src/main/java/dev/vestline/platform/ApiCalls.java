package dev.vestline.platform;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;

/**
 * Every answer a load of flows saw, by call (ids replaced by placeholders, so
 * {@code approval POST /api/v1/approvals/{id}/decisions} is one call): how long each
 * took, how many asked to be retried (503 with {@code Retry-After}) and every other
 * server error.
 */
final class ApiCalls implements BiConsumer<ApiClient.Answer, Duration> {

	private static final Pattern UUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

	private static final Pattern SIGNING_TOKEN = Pattern.compile("/signing/[^/?]+");

	private static final Pattern INVESTOR = Pattern.compile("inv-[0-9a-f]+");

	private final Map<String, List<Long>> micros = new ConcurrentHashMap<>();

	private final ConcurrentLinkedQueue<String> serverErrors = new ConcurrentLinkedQueue<>();

	private final LongAdder askedToRetry = new LongAdder();

	@Override
	public void accept(ApiClient.Answer answer, Duration took) {
		if (answer.askedToRetry()) {
			this.askedToRetry.increment();
		}
		else if (answer.status() >= 500) {
			this.serverErrors.add(answer.target() + " answered " + answer.status() + " (Retry-After "
					+ answer.retryAfter() + "): " + answer.text());
		}
		List<Long> samples = this.micros.computeIfAbsent(name(answer.target()), (n) -> new ArrayList<>());
		synchronized (samples) {
			samples.add(took.toNanos() / 1_000);
		}
	}

	/**
	 * @return every 5xx answer that was not a 503 with {@code Retry-After}
	 */
	List<String> serverErrors() {
		return List.copyOf(this.serverErrors);
	}

	/**
	 * @return how many answers were a 503 with {@code Retry-After}
	 */
	long askedToRetry() {
		return this.askedToRetry.sum();
	}

	/**
	 * @return each call's latencies, by call
	 */
	Map<String, Latency> latencies() {
		Map<String, Latency> latencies = new TreeMap<>();
		this.micros.forEach((call, samples) -> {
			synchronized (samples) {
				latencies.put(call, Latency.of(samples));
			}
		});
		return latencies;
	}

	static String name(String target) {
		String name = UUID.matcher(target).replaceAll("{id}");
		name = SIGNING_TOKEN.matcher(name).replaceAll("/signing/{token}");
		return INVESTOR.matcher(name).replaceAll("{investor}");
	}

	/**
	 * One call's latencies.
	 *
	 * @param count how many answers
	 * @param p50 the median
	 * @param p99 the 99th percentile
	 * @param max the slowest
	 */
	record Latency(int count, Duration p50, Duration p99, Duration max) {

		static Latency of(List<Long> micros) {
			List<Long> sorted = micros.stream().sorted().toList();
			return new Latency(sorted.size(), at(sorted, 0.50), at(sorted, 0.99),
					sorted.isEmpty() ? Duration.ZERO : Duration.ofNanos(sorted.getLast() * 1_000));
		}

		private static Duration at(List<Long> sorted, double quantile) {
			if (sorted.isEmpty()) {
				return Duration.ZERO;
			}
			int index = (int) Math.ceil(quantile * sorted.size()) - 1;
			return Duration.ofNanos(sorted.get(Math.max(0, index)) * 1_000);
		}

	}

}
