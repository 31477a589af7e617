package dev.vestline.messaging.inbox;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.uuid.Generators;
import dev.vestline.events.EventJson;
import dev.vestline.messaging.LedgerEntryRecorded;
import dev.vestline.messaging.cloudevents.CloudEventsKafkaBinding;
import dev.vestline.messaging.cloudevents.EventEnvelope;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.record.TimestampType;

/**
 * Records of the test ledger topic, as a producing service's relay would send them.
 */
public final class LedgerRecords {

	private LedgerRecords() {
	}

	public static UUID newId() {
		return Generators.timeBasedEpochGenerator().generate();
	}

	public static ProducerRecord<String, byte[]> record(UUID id, LedgerEntryRecorded entry) {
		return record(id, LedgerEntryRecorded.TYPE.ceType(), entry);
	}

	static ProducerRecord<String, byte[]> record(UUID id, String ceType, LedgerEntryRecorded entry) {
		var type = LedgerEntryRecorded.TYPE;
		return CloudEventsKafkaBinding.toRecord(LedgerEntryRecorded.TOPIC, new EventEnvelope(id, type.source(), ceType,
				entry.account(), OffsetDateTime.now(ZoneOffset.UTC), null, null, null, null, EventJson.write(entry)));
	}

	/** The same record on another partition: two consumer threads will see it at once. */
	static ProducerRecord<String, byte[]> onPartition(ProducerRecord<String, byte[]> record, int partition) {
		return new ProducerRecord<>(record.topic(), partition, record.key(), record.value(), record.headers());
	}

	static ConsumerRecord<String, byte[]> consumed(ProducerRecord<String, byte[]> record) {
		return new ConsumerRecord<>(record.topic(), 0, 0L, 0L, TimestampType.CREATE_TIME, -1, -1, record.key(),
				record.value(), record.headers(), Optional.empty());
	}

}
