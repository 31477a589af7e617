package dev.vestline.messaging.deadletters;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.function.BiConsumer;

import dev.vestline.messaging.inbox.DeadLetterErrorHandler;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Sends pending dead letters back to the topic they came from, headers and payload as
 * they were, for the group that gave up on them alone; their progress moves on only after
 * Kafka acknowledged every record sent, under the topic's replay lock.
 */
final class DeadLetterReplay {

	private final Map<String, Object> producerConfig;

	private final PendingDeadLetters pending;

	private final ReplayLock lock;

	private final MeterRegistry meters;

	DeadLetterReplay(Map<String, Object> producerConfig, PendingDeadLetters pending, ReplayLock lock,
			MeterRegistry meters) {
		this.producerConfig = producerConfig;
		this.pending = pending;
		this.lock = lock;
		this.meters = meters;
	}

	Replay replay(DeadLetterTopic topic, int limit, BiConsumer<JdbcClient, Replay> alsoRecord) {
		return this.lock.holding(topic, (jdbc) -> {
			Replay replay = replayLocked(topic, limit, jdbc);
			alsoRecord.accept(jdbc, replay);
			return replay;
		});
	}

	private Replay replayLocked(DeadLetterTopic topic, int limit, JdbcClient jdbc) {
		try (KafkaConsumer<String, byte[]> consumer = this.pending.consumer(topic);
				KafkaProducer<String, byte[]> producer = new KafkaProducer<>(this.producerConfig,
						new StringSerializer(), new ByteArraySerializer())) {
			List<ConsumerRecord<String, byte[]>> dead = this.pending.read(consumer, topic, limit, jdbc);
			List<Future<RecordMetadata>> sent = new ArrayList<>(dead.size());
			Map<TopicPartition, OffsetAndMetadata> done = new HashMap<>();
			for (ConsumerRecord<String, byte[]> record : dead) {
				sent.add(producer.send(new ProducerRecord<>(topic.topic(), null, record.key(), record.value(),
						replayHeaders(record, topic))));
				done.put(new TopicPartition(record.topic(), record.partition()),
						new OffsetAndMetadata(record.offset() + 1));
			}
			producer.flush();
			for (Future<RecordMetadata> future : sent) {
				future.get();
			}
			done.forEach(
					(partition, next) -> DeadLetterProgress.advance(jdbc, topic, partition.partition(), next.offset()));
			this.meters.counter("vestline.dead-letters.replayed", "topic", topic.name()).increment(dead.size());
			return new Replay(topic.name(), dead.stream().map(DeadLetter::of).toList());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while replaying " + topic.name(), ex);
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException("Kafka refused a replayed record of " + topic.name()
					+ "; nothing was marked replayed, the next replay sends them again", ex.getCause());
		}
	}

	/**
	 * The original headers (ce_* and traceparent), without the dead-letter ones, plus who
	 * the record is for and where it was parked.
	 */
	private static RecordHeaders replayHeaders(ConsumerRecord<String, byte[]> record, DeadLetterTopic topic) {
		RecordHeaders headers = new RecordHeaders();
		for (Header header : record.headers()) {
			String key = header.key();
			if (!key.startsWith("kafka_dlt-") && !key.equals(DeadLetterErrorHandler.REASON_HEADER)
					&& !key.equals(DeadLetterErrorHandler.REPLAY_FOR_HEADER)
					&& !key.equals(DeadLetterErrorHandler.REPLAYED_FROM_HEADER)) {
				headers.add(header);
			}
		}
		headers.add(DeadLetterErrorHandler.REPLAY_FOR_HEADER, topic.consumerGroup().getBytes(StandardCharsets.UTF_8));
		headers.add(DeadLetterErrorHandler.REPLAYED_FROM_HEADER,
				(record.topic() + "/" + record.partition() + "/" + record.offset()).getBytes(StandardCharsets.UTF_8));
		return headers;
	}

}
