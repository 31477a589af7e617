package dev.vestline.messaging.outbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import dev.vestline.messaging.cloudevents.CloudEventsKafkaBinding;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jspecify.annotations.Nullable;

/**
 * Sends batches of outbox rows with an idempotent producer ({@code acks=all}, at most 5
 * requests in flight, so per-partition order holds across batches); each
 * {@link SentBatch} then reports how many of its rows, counted from the first, the broker
 * acknowledged. Only those may be marked published; the rest are sent again.
 * <p>
 * One thread at a time sends and flushes ({@link ProducerThread}); {@link #abort()} may
 * come from another thread, and from then on nothing is sent until {@link #reopen()}.
 */
final class KafkaPublisher implements AutoCloseable {

	private static final ScheduledThreadPoolExecutor WATCHDOG = watchdog();

	private final Map<String, Object> config;

	private final Duration ackTimeout;

	private @Nullable Producer<String, byte[]> producer;

	private boolean aborted;

	private boolean refused;

	KafkaPublisher(Map<String, Object> producerConfig) {
		Map<String, Object> config = relayConfig(producerConfig);
		this.ackTimeout = Duration
			.ofMillis(Long.parseLong(String.valueOf(config.get(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG))));
		// The relay, not the producer, gives up on a batch after delivery.timeout.ms, and
		// then on the whole producer (abort). A producer that expires one batch resets
		// the partition's sequence numbers and goes on sending the next batch, which
		// would land before the expired batch's rows are sent again: with batches
		// pipelined, a later event of an aggregate before an earlier one. Aborted, it
		// sends nothing more, and within one producer the broker appends a partition's
		// batches only in order.
		config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, Integer.MAX_VALUE);
		this.config = config;
	}

	/**
	 * The guarantees the relay depends on are forced; tuning keeps the caller's values.
	 * @param base the application's producer properties
	 * @return the relay's producer properties
	 */
	static Map<String, Object> relayConfig(Map<String, Object> base) {
		Map<String, Object> config = new HashMap<>(base);
		config.put(ProducerConfig.ACKS_CONFIG, "all");
		config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
		// idempotence keeps per-partition order with up to 5 requests in flight
		config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
		config.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
		// long enough that a pipelined batch (500 records appended while the previous
		// batch is marked) leaves in one request per partition, not split by the timer;
		// a short batch does not wait for it, the relay flushes at once
		config.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, 5);
		config.putIfAbsent(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
		config.putIfAbsent(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
		// fail fast when the broker is away, so the relay backs off and reports it
		config.putIfAbsent(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000);
		config.putIfAbsent(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
		config.putIfAbsent(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000);
		config.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, "vestline-outbox-relay");
		return config;
	}

	/**
	 * @return how long the broker has to acknowledge a batch
	 */
	Duration ackTimeout() {
		return this.ackTimeout;
	}

	/**
	 * Hands a batch to the producer without waiting: the records go out with the next
	 * producer batch (after {@code linger.ms}, or at once on {@link #flush(long)}), in
	 * order per partition, while the caller prepares the next batch. Once the producer
	 * refused a row (no metadata, say), later batches are not handed over at all until
	 * {@link #reopen()}: a later row of the refused row's partition must not go out
	 * before it.
	 * @param batch the rows, in position order
	 * @return the producer's futures, a prefix of the batch, and why not the rest
	 */
	HandOver send(List<OutboxRow> batch) {
		if (this.refused) {
			return new HandOver(List.of(), new IllegalStateException("not sent: the producer refused an earlier row"));
		}
		List<Future<RecordMetadata>> sent = new ArrayList<>(batch.size());
		try {
			Producer<String, byte[]> producer = producer();
			for (OutboxRow row : batch) {
				Future<RecordMetadata> future = producer
					.send(CloudEventsKafkaBinding.toRecord(row.topic(), row.envelope()));
				sent.add(future);
				if (future.state() == Future.State.FAILED) {
					break; // e.g. no metadata: do not wait max.block.ms once per record
				}
			}
		}
		catch (RuntimeException ex) {
			return refused(new HandOver(sent, ex));
		}
		return refused(new HandOver(sent, null));
	}

	private HandOver refused(HandOver handOver) {
		this.refused |= handOver.refused();
		return handOver;
	}

	/**
	 * Sends what the producer holds now instead of after {@code linger.ms} (for latency,
	 * when there is nothing to batch with) and waits until every record is settled. The
	 * producer never expires a batch itself, so a watchdog aborts it if that takes past
	 * the deadline: its batches then fail, and the relay backs off.
	 * @param deadline {@link System#nanoTime()} by which the oldest batch in flight must
	 * be acknowledged
	 */
	void flush(long deadline) {
		Producer<String, byte[]> current = current();
		if (current == null) {
			return;
		}
		ScheduledFuture<?> watchdog = WATCHDOG.schedule(() -> current.close(Duration.ZERO),
				deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
		try {
			current.flush();
		}
		finally {
			watchdog.cancel(false);
		}
	}

	/**
	 * Closes the producer at once after a failure, from any thread: records still waiting
	 * in it are failed, not sent, so as little as possible goes out behind the record
	 * that failed, and a send under way fails at its next record. Nothing is sent until
	 * {@link #reopen()}. An idempotent producer that failed may also be stuck in an error
	 * state; the first send after reopening starts a fresh one.
	 */
	synchronized void abort() {
		this.aborted = true;
		if (this.producer != null) {
			this.producer.close(Duration.ZERO);
			this.producer = null;
		}
	}

	/**
	 * Lets sends through again after {@link #abort()}; called on the sending thread once
	 * every send queued before the abort has failed, so none of them reaches the next
	 * producer.
	 */
	synchronized void reopen() {
		this.aborted = false;
		this.refused = false;
	}

	private synchronized Producer<String, byte[]> producer() {
		if (this.aborted) {
			throw new IllegalStateException("not sent: the producer was aborted");
		}
		if (this.producer == null) {
			this.producer = new KafkaProducer<>(this.config, new StringSerializer(), new ByteArraySerializer());
		}
		return this.producer;
	}

	private synchronized @Nullable Producer<String, byte[]> current() {
		return this.producer;
	}

	private static ScheduledThreadPoolExecutor watchdog() {
		var executor = new ScheduledThreadPoolExecutor(1,
				Thread.ofPlatform().name("outbox-relay-watchdog").daemon().factory());
		executor.setRemoveOnCancelPolicy(true);
		executor.setKeepAliveTime(10, TimeUnit.SECONDS);
		executor.allowCoreThreadTimeOut(true);
		return executor;
	}

	@Override
	public synchronized void close() {
		if (this.producer != null) {
			this.producer.close(Duration.ofSeconds(1));
			this.producer = null;
		}
	}

	/**
	 * A batch handed to the producer.
	 *
	 * @param sent one future per row handed over, a prefix of the batch
	 * @param refusal why the producer refused the next row, if it did
	 */
	record HandOver(List<Future<RecordMetadata>> sent, @Nullable Exception refusal) {

		/**
		 * @return whether the producer refused a row: nothing may be sent after it until
		 * the failure is settled
		 */
		boolean refused() {
			return this.refusal != null
					|| (!this.sent.isEmpty() && this.sent.get(this.sent.size() - 1).state() == Future.State.FAILED);
		}

	}

}
