package dev.vestline.messaging.deadletters;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

import dev.vestline.messaging.inbox.DeadLetterErrorHandler;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.jspecify.annotations.Nullable;

/**
 * A record a consumer group gave up on, as an operator needs to see it.
 *
 * @param partition its partition in the dead-letter topic
 * @param offset its offset there
 * @param deadLetteredAt when it was parked
 * @param eventId {@code ce_id}, absent when the record was not a CloudEvent
 * @param type {@code ce_type}, likewise
 * @param key the record key (the aggregate id)
 * @param reason why the group gave up
 * @param originalPartition where it was consumed from
 * @param originalOffset likewise
 */
public record DeadLetter(int partition, long offset, Instant deadLetteredAt, @Nullable String eventId,
		@Nullable String type, @Nullable String key, @Nullable String reason, @Nullable Integer originalPartition,
		@Nullable Long originalOffset) {

	static DeadLetter of(ConsumerRecord<String, byte[]> record) {
		String partition = header(record, "kafka_dlt-original-partition", 4);
		String offset = header(record, "kafka_dlt-original-offset", 8);
		return new DeadLetter(record.partition(), record.offset(), Instant.ofEpochMilli(record.timestamp()),
				header(record, "ce_id", 0), header(record, "ce_type", 0), record.key(),
				header(record, DeadLetterErrorHandler.REASON_HEADER, 0),
				(partition != null) ? Integer.valueOf(partition) : null,
				(offset != null) ? Long.valueOf(offset) : null);
	}

	/**
	 * Spring Kafka writes the original partition and offset as big-endian numbers; every
	 * other header is text.
	 * @param width 4 or 8 for a binary number, 0 for text
	 */
	private static @Nullable String header(ConsumerRecord<String, byte[]> record, String name, int width) {
		Header header = record.headers().lastHeader(name);
		if (header == null || header.value() == null) {
			return null;
		}
		byte[] value = header.value();
		if (width == 4 && value.length == 4) {
			return String.valueOf(ByteBuffer.wrap(value).getInt());
		}
		if (width == 8 && value.length == 8) {
			return String.valueOf(ByteBuffer.wrap(value).getLong());
		}
		return new String(value, StandardCharsets.UTF_8);
	}

}
