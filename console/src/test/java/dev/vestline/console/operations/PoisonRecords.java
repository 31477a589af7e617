package dev.vestline.console.operations;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Makes real dead letters: a CloudEvents record on {@code signature.events} whose payload
 * is no JSON, which approval-service's group cannot decode and parks on
 * {@code signature.events.approval.dlt}.
 */
final class PoisonRecords {

	static final String DLT = "signature.events.approval.dlt";

	private PoisonRecords() {
	}

	/**
	 * @param key the record key (the same key, the same partition)
	 * @return the event id of the record sent
	 */
	static String send(String bootstrapServers, String key) {
		String eventId = UUID.randomUUID().toString();
		ProducerRecord<String, byte[]> record = new ProducerRecord<>("signature.events", key,
				"{not json".getBytes(StandardCharsets.UTF_8));
		Map.of("ce_specversion", "1.0", "ce_id", eventId, "ce_source", "/vestline/signature", "ce_type",
				"dev.vestline.signature.SigningWorkflowFailed.v1", "ce_subject", key, "ce_time",
				Instant.now().toString(), "content-type", "application/json")
			.forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
		try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers), new StringSerializer(),
				new ByteArraySerializer())) {
			producer.send(record).get();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException("Kafka refused the poison record", ex.getCause());
		}
		return eventId;
	}

}
