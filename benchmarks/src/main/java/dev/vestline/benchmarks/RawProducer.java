package dev.vestline.benchmarks;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

import dev.vestline.events.EventJson;
import dev.vestline.messaging.cloudevents.CloudEventsKafkaBinding;
import dev.vestline.messaging.cloudevents.EventEnvelope;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The broker's limit for these records: a Kafka producer with the relay's settings
 * sending the same CloudEvents records, built beforehand, with no database in the way.
 * Every tenth event is sent a second time a little later, so that the topic doubles as
 * the consumer's input with 10% redeliveries.
 */
final class RawProducer {

	private RawProducer() {
	}

	/**
	 * @return records acknowledged per second
	 */
	static double send(Lab lab, Sizes sizes, String topic) {
		List<ProducerRecord<String, byte[]>> records = records(lab.topic(topic), sizes);
		try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config(lab.bootstrapServers()),
				new StringSerializer(), new ByteArraySerializer())) {
			producer.partitionsFor(topic); // metadata is not what we measure
			Stopwatch watch = Stopwatch.start();
			List<Future<RecordMetadata>> acks = new ArrayList<>(records.size());
			for (ProducerRecord<String, byte[]> record : records) {
				acks.add(producer.send(record));
			}
			producer.flush();
			for (Future<RecordMetadata> ack : acks) {
				ack.get();
			}
			return watch.rate(records.size());
		}
		catch (InterruptedException | ExecutionException ex) {
			throw new IllegalStateException("Raw producer failed", ex);
		}
	}

	/** What the relay forces or defaults to (KafkaPublisher.relayConfig). */
	static Map<String, Object> config(String bootstrapServers) {
		Map<String, Object> config = new HashMap<>();
		config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
		config.put(ProducerConfig.ACKS_CONFIG, "all");
		config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
		config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
		config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
		config.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
		config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
		return config;
	}

	private static List<ProducerRecord<String, byte[]>> records(String topic, Sizes sizes) {
		List<ProducerRecord<String, byte[]>> records = new ArrayList<>(sizes.events() + sizes.duplicates());
		List<ProducerRecord<String, byte[]>> again = new ArrayList<>();
		for (int i = 1; i <= sizes.events(); i++) {
			ProducerRecord<String, byte[]> record = CloudEventsKafkaBinding.toRecord(topic,
					envelope(PositionRevalued.of(i, sizes.accounts())));
			records.add(record);
			if (i % 10 == 0) {
				again.add(record);
			}
			if (i % 1_000 == 0) { // redelivered about 1,000 records after the original
				records.addAll(again);
				again.clear();
			}
		}
		records.addAll(again);
		return records;
	}

	static EventEnvelope envelope(PositionRevalued event) {
		var type = PositionRevalued.TYPE;
		UUID id = UUID.nameUUIDFromBytes(("bench-" + event.sequence()).getBytes(StandardCharsets.UTF_8));
		return new EventEnvelope(id, URI.create(type.source().toString()), type.ceType(), event.aggregateId(),
				OffsetDateTime.now(ZoneOffset.UTC), type.dataSchema(), null, null, null, EventJson.write(event));
	}

}
