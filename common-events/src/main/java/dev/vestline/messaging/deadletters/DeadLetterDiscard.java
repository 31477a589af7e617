package dev.vestline.messaging.deadletters;

import java.util.function.BiConsumer;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Marks the first pending dead letter of a partition as handled without sending it back,
 * under the topic's replay lock: only the first, so that nothing is passed over unseen.
 */
final class DeadLetterDiscard {

	private final PendingDeadLetters pending;

	private final ReplayLock lock;

	private final MeterRegistry meters;

	DeadLetterDiscard(PendingDeadLetters pending, ReplayLock lock, MeterRegistry meters) {
		this.pending = pending;
		this.lock = lock;
		this.meters = meters;
	}

	DeadLetter discard(DeadLetterTopic topic, int partition, long offset,
			BiConsumer<JdbcClient, DeadLetter> alsoRecord) {
		if (partition < 0 || offset < 0) {
			throw new IllegalArgumentException("A partition and an offset are 0 or more");
		}
		return this.lock.holding(topic, (jdbc) -> {
			try (KafkaConsumer<String, byte[]> consumer = this.pending.consumer(topic)) {
				TopicPartition target = new TopicPartition(topic.name(), partition);
				long[] range = PendingDeadLetters.pendingRanges(consumer, topic, jdbc).get(target);
				long first = (range != null && range[0] < range[1]) ? range[0] : -1;
				if (first != offset) {
					throw new NotFirstPendingException(topic.name(), partition, offset, first);
				}
				DeadLetter discarded = DeadLetter.of(PendingDeadLetters.readOne(consumer, target, offset));
				DeadLetterProgress.advance(jdbc, topic, partition, offset + 1);
				alsoRecord.accept(jdbc, discarded);
				this.meters.counter("vestline.dead-letters.discarded", "topic", topic.name()).increment();
				return discarded;
			}
		});
	}

}
