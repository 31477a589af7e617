package dev.vestline.messaging.cloudevents;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import io.cloudevents.CloudEvent;
import io.cloudevents.SpecVersion;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.KafkaMessageFactory;
import io.cloudevents.rw.CloudEventRWException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.jspecify.annotations.Nullable;

/**
 * Maps events to Kafka records and back with the CloudEvents Java SDK, binary content
 * mode: attributes as {@code ce_*} headers, {@code content-type: application/json}, the
 * record value is the JSON payload. The W3C {@code traceparent} rides as a plain header,
 * where tracing instrumentation looks for it.
 */
public final class CloudEventsKafkaBinding {

	/** The extension carrying the id shared by every event of one flow. */
	public static final String CORRELATION_ID = "correlationid";

	/** The extension carrying the id of the event that caused this one. */
	public static final String CAUSATION_ID = "causationid";

	/** The W3C trace context header. */
	public static final String TRACEPARENT = "traceparent";

	private static final String CONTENT_TYPE = "application/json";

	private CloudEventsKafkaBinding() {
	}

	/**
	 * @param topic the topic
	 * @param envelope the event
	 * @return the Kafka record, keyed by the event's subject
	 */
	public static ProducerRecord<String, byte[]> toRecord(String topic, EventEnvelope envelope) {
		CloudEventBuilder builder = CloudEventBuilder.v1()
			.withId(envelope.id().toString())
			.withSource(envelope.source())
			.withType(envelope.type())
			.withSubject(envelope.subject())
			.withTime(envelope.time())
			.withDataContentType(CONTENT_TYPE)
			.withData(envelope.data());
		if (envelope.dataSchema() != null) {
			builder.withDataSchema(envelope.dataSchema());
		}
		if (envelope.correlationId() != null) {
			builder.withExtension(CORRELATION_ID, envelope.correlationId());
		}
		if (envelope.causationId() != null) {
			builder.withExtension(CAUSATION_ID, envelope.causationId());
		}
		ProducerRecord<String, byte[]> record = KafkaMessageFactory.createWriter(topic, envelope.subject())
			.writeBinary(builder.build());
		if (envelope.traceparent() != null) {
			record.headers().add(TRACEPARENT, envelope.traceparent().getBytes(StandardCharsets.UTF_8));
		}
		return record;
	}

	/**
	 * @param record a record written in binary content mode
	 * @return the event it carries
	 * @throws UndecodableRecordException when the record is not a CloudEvents 1.0 event
	 * Vestline can read
	 */
	public static EventEnvelope fromRecord(ConsumerRecord<String, byte[]> record) {
		CloudEvent event = read(record);
		if (event.getSpecVersion() != SpecVersion.V1) {
			throw new UndecodableRecordException("unsupported CloudEvents specversion " + event.getSpecVersion());
		}
		if (event.getSubject() == null || event.getTime() == null || event.getData() == null) {
			throw new UndecodableRecordException("ce_subject, ce_time and a payload are required");
		}
		return new EventEnvelope(uuid(event.getId()), event.getSource(), event.getType(), event.getSubject(),
				event.getTime(), event.getDataSchema(), text(event.getExtension(CORRELATION_ID)),
				text(event.getExtension(CAUSATION_ID)), header(record, TRACEPARENT), event.getData().toBytes());
	}

	private static CloudEvent read(ConsumerRecord<String, byte[]> record) {
		try {
			return KafkaMessageFactory.createReader(record).toEvent();
		}
		catch (CloudEventRWException | IllegalStateException ex) {
			throw new UndecodableRecordException("not a CloudEvents binary-mode record: " + ex.getMessage(), ex);
		}
	}

	private static UUID uuid(String id) {
		try {
			return UUID.fromString(id);
		}
		catch (IllegalArgumentException ex) {
			throw new UndecodableRecordException("ce_id is not a UUID: " + id, ex);
		}
	}

	private static @Nullable String text(@Nullable Object value) {
		return (value != null) ? value.toString() : null;
	}

	private static @Nullable String header(ConsumerRecord<String, byte[]> record, String name) {
		Header header = record.headers().lastHeader(name);
		return (header != null) ? new String(header.value(), StandardCharsets.UTF_8) : null;
	}

}
