package dev.vestline.messaging.outbox;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

import dev.vestline.messaging.cloudevents.CloudEventsKafkaBinding;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jspecify.annotations.Nullable;

/**
 * Sends a batch of outbox rows with an idempotent producer ({@code acks=all}) and reports
 * how many of them, counted from the first, the broker acknowledged. Only those may be
 * marked published; the rest are sent again.
 */
final class KafkaPublisher implements AutoCloseable {

	private final Map<String, Object> config;

	private @Nullable Producer<String, byte[]> producer;

	KafkaPublisher(Map<String, Object> producerConfig) {
		this.config = relayConfig(producerConfig);
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
		config.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, 2);
		config.putIfAbsent(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
		config.putIfAbsent(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
		// fail fast when the broker is away, so the relay backs off and reports it
		config.putIfAbsent(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000);
		config.putIfAbsent(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
		config.putIfAbsent(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000);
		config.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, "vestline-outbox-relay");
		return config;
	}

	Result publish(List<OutboxRow> batch, Acknowledgements acknowledgements) {
		Producer<String, byte[]> producer = producer();
		List<Future<RecordMetadata>> sent = new ArrayList<>(batch.size());
		Exception failure = null;
		try {
			for (OutboxRow row : batch) {
				Future<RecordMetadata> future = producer
					.send(CloudEventsKafkaBinding.toRecord(row.topic(), row.envelope()));
				sent.add(future);
				if (future.state() == Future.State.FAILED) {
					break; // e.g. no metadata: do not wait max.block.ms once per record
				}
			}
			producer.flush();
		}
		catch (RuntimeException ex) {
			failure = ex;
		}
		int acked = 0;
		for (Future<RecordMetadata> future : sent) {
			try {
				future.get();
				acknowledgements.acknowledged(batch.get(acked));
				acked++;
			}
			catch (ExecutionException ex) {
				failure = (ex.getCause() instanceof Exception cause) ? cause : ex;
				break;
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				failure = ex;
				break;
			}
		}
		if (failure != null) {
			// an idempotent producer that failed may be stuck in an error state: start
			// afresh
			close();
		}
		return new Result(acked, failure);
	}

	private Producer<String, byte[]> producer() {
		if (this.producer == null) {
			this.producer = new KafkaProducer<>(this.config, new StringSerializer(), new ByteArraySerializer());
		}
		return this.producer;
	}

	@Override
	public void close() {
		if (this.producer != null) {
			this.producer.close(java.time.Duration.ofSeconds(1));
			this.producer = null;
		}
	}

	/** Told of each acknowledged row, in order. */
	interface Acknowledgements {

		void acknowledged(OutboxRow row);

	}

	/**
	 * @param acked how many rows, from the first, the broker acknowledged
	 * @param failure why the rest were not, if any
	 */
	record Result(int acked, @Nullable Exception failure) {

	}

}
