package dev.vestline.benchmarks;

import java.time.Duration;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;

/**
 * A consumer thread for the latency measurement: applies each polled batch in one
 * database transaction, then stamps the events of the batch as applied.
 */
final class LatencyConsumer implements AutoCloseable {

	private final KafkaConsumer<String, byte[]> consumer;

	private final Batch batch;

	private final Latencies latencies;

	private final Thread thread;

	private volatile boolean running = true;

	LatencyConsumer(Lab lab, String topic, Batch batch, Latencies latencies) {
		this.consumer = Consumers.fromEnd(lab, topic);
		this.batch = batch;
		this.latencies = latencies;
		this.thread = Thread.ofPlatform().name("latency-consumer").start(this::run);
	}

	private void run() {
		try {
			while (this.running) {
				var records = Consumers.list(this.consumer.poll(Duration.ofMillis(50)));
				if (!records.isEmpty()) {
					List<Long> sequences = this.batch.apply(records);
					this.latencies.applied(sequences);
					this.consumer.commitSync();
				}
			}
		}
		finally {
			this.consumer.close();
		}
	}

	@Override
	public void close() {
		this.running = false;
		try {
			this.thread.join(10_000);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/** Applies a polled batch in one committed transaction. */
	interface Batch {

		/**
		 * @return the sequences of the events applied, once their transaction committed
		 */
		List<Long> apply(List<ConsumerRecord<String, byte[]>> records);

	}

}
