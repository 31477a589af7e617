package dev.vestline.messaging.inbox;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import dev.vestline.events.Topics;
import dev.vestline.messaging.DatabaseAway;
import dev.vestline.messaging.cloudevents.UndecodableRecordException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;

import org.springframework.kafka.KafkaException;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.KafkaUtils;
import org.springframework.kafka.support.converter.ConversionException;
import org.springframework.util.backoff.ExponentialBackOff;
import org.springframework.util.backoff.FixedBackOff;

/**
 * The error handling of every Vestline listener: transient failures are retried with
 * exponential backoff (blocking the partition, which keeps per-aggregate order); a record
 * that cannot be decoded, or a conflicting redelivery, or one that keeps failing goes to
 * {@code <topic>.<consumer-group>.dlt} with headers that say why, and the partition keeps
 * flowing.
 */
public final class DeadLetterErrorHandler {

	/** Header with the root cause's message, in words. */
	public static final String REASON_HEADER = "vestline_dlt_reason";

	/**
	 * Header of a replayed dead letter: the consumer group it is replayed for. Every
	 * other group's inbox ignores the record.
	 */
	public static final String REPLAY_FOR_HEADER = "vestline_replay_for";

	/** Header of a replayed dead letter: {@code <dlt topic>/<partition>/<offset>}. */
	public static final String REPLAYED_FROM_HEADER = "vestline_replayed_from";

	private DeadLetterErrorHandler() {
	}

	/**
	 * @param template sends the dead letters (String keys, byte[] values)
	 * @param metrics counts them
	 * @param retries how many times a failing record is retried before it is
	 * dead-lettered
	 * @param initialBackoff the first pause before a retry
	 * @param maxBackoff the longest pause
	 * @return the error handler
	 */
	public static DefaultErrorHandler create(KafkaOperations<?, ?> template, InboxMetrics metrics, int retries,
			Duration initialBackoff, Duration maxBackoff) {
		DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(template,
				(record, ex) -> new TopicPartition(Topics.deadLetter(record.topic(), consumerGroup()), -1));
		recoverer.setHeadersFunction((record, ex) -> new RecordHeaders(
				new RecordHeader[] { new RecordHeader(REASON_HEADER, reason(ex).getBytes(StandardCharsets.UTF_8)) }));
		ExponentialBackOff backOff = new ExponentialBackOff(initialBackoff.toMillis(), 2.0);
		backOff.setMaxInterval(maxBackoff.toMillis());
		backOff.setMaxAttempts(retries);
		DefaultErrorHandler handler = new DefaultErrorHandler((ConsumerRecord<?, ?> record, Exception ex) -> {
			metrics.deadLettered(record.topic(), rootCause(ex).getClass().getSimpleName());
			recoverer.accept(record, ex);
		}, backOff);
		handler.addNotRetryableExceptions(UndecodableRecordException.class, PayloadConflictException.class,
				ConversionException.class);
		// The database away is no fault of the record: wait for it, however long, rather
		// than leave a dead letter per record for an operator to replay. The partition
		// waits too, which keeps per-aggregate order.
		handler.setBackOffFunction((record, ex) -> DatabaseAway.caused(ex)
				? new FixedBackOff(maxBackoff.toMillis(), FixedBackOff.UNLIMITED_ATTEMPTS) : null);
		return handler;
	}

	private static String consumerGroup() {
		String group = KafkaUtils.getConsumerGroupId();
		return (group != null) ? group : "unknown-group";
	}

	private static String reason(Exception ex) {
		Throwable root = rootCause(ex);
		return root.getClass().getSimpleName() + ": " + root.getMessage();
	}

	/** The listener's own exception, below Spring Kafka's wrappers. */
	private static Throwable rootCause(Throwable ex) {
		Throwable current = ex;
		while (current instanceof KafkaException && current.getCause() != null) {
			current = current.getCause();
		}
		return current;
	}

}
