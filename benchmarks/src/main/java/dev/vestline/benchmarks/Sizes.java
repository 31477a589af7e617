package dev.vestline.benchmarks;

import java.util.HashMap;
import java.util.Map;

import dev.vestline.messaging.outbox.RelaySettings;

/**
 * How big the benchmark runs, from {@code key=value} program arguments.
 *
 * @param events events in the pre-filled outbox and in the consumer's topic
 * @param accounts aggregates the events are spread over
 * @param runs repetitions of each throughput measurement
 * @param rate offered load of the latency measurement, events per second
 * @param seconds how long the load is offered, per system
 * @param warmupSeconds how long at the start of the load is left out of the latency
 * figures
 * @param peerEvents events in a peer's pre-filled backlog
 * @param relayBatch the relay's batch size
 * @param relayDepth the relay's pipeline depth (batches in flight at most)
 * @param peers the peers to run, comma-separated, or {@code none}
 */
record Sizes(int events, int accounts, int runs, int rate, int seconds, int warmupSeconds, int peerEvents,
		int relayBatch, int relayDepth, String peers) {

	static Sizes parse(String[] args) {
		Map<String, String> given = new HashMap<>();
		for (String arg : args) {
			String[] pair = arg.split("=", 2);
			given.put(pair[0], (pair.length > 1) ? pair[1] : "true");
		}
		return new Sizes(number(given, "events", 100_000), number(given, "accounts", 10_000), number(given, "runs", 3),
				number(given, "rate", 1_000), number(given, "seconds", 30), number(given, "warmup", 5),
				number(given, "peerEvents", 3_000), number(given, "relayBatch", RelaySettings.defaults().batchSize()),
				number(given, "relayDepth", RelaySettings.defaults().pipelineDepth()),
				given.getOrDefault("peers", "modulith,debezium,namastack"));
	}

	/**
	 * @param divisor how much smaller
	 * @return these sizes with a fraction of the events
	 */
	Sizes scaled(int divisor) {
		return withEvents(this.events / divisor);
	}

	/**
	 * @param events how many events
	 * @return these sizes with that many events, one run
	 */
	Sizes withEvents(int events) {
		return new Sizes(events, this.accounts, 1, this.rate, this.seconds, this.warmupSeconds, this.peerEvents,
				this.relayBatch, this.relayDepth, this.peers);
	}

	/**
	 * @param peer a peer's short name
	 * @return whether to run it
	 */
	boolean runs(String peer) {
		return java.util.List.of(this.peers.split(",")).contains(peer);
	}

	/**
	 * @return how many events of the consumer's topic are delivered twice (10%)
	 */
	int duplicates() {
		return this.events / 10;
	}

	private static int number(Map<String, String> given, String key, int fallback) {
		return Integer.parseInt(given.getOrDefault(key, String.valueOf(fallback)).replace("_", ""));
	}

}
