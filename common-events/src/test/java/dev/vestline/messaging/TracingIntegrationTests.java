package dev.vestline.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import dev.vestline.events.EventJson;
import dev.vestline.messaging.cloudevents.CloudEventsKafkaBinding;
import dev.vestline.messaging.cloudevents.EventEnvelope;
import dev.vestline.messaging.outbox.Outbox;
import dev.vestline.testharness.RealInfrastructure;
import dev.vestline.testharness.TestInfrastructure;
import dev.vestline.testharness.TopicReader;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A trace crosses a service hop by hop: the events a service appends carry the span it
 * was working in, and a consumed record's traceparent becomes the parent of the span its
 * listener works in. OpenTelemetry's SDK with an in-memory exporter, real Kafka and
 * PostgreSQL.
 */
@SpringBootTest
@RealInfrastructure(service = "ledger")
class TracingIntegrationTests {

	@Autowired
	Tracer tracer;

	@Autowired
	Outbox outbox;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	InMemorySpanExporter spans;

	@Autowired
	TestInfrastructure infrastructure;

	@Test
	void anEventAppendedInsideASpanCarriesThatSpanAsItsTraceparent() {
		Span work = this.tracer.nextSpan().name("approve").start();
		UUID id;
		try (Tracer.SpanInScope scope = this.tracer.withSpan(work)) {
			id = this.transactions.execute(
					(status) -> this.outbox.append(new LedgerEntryRecorded("acc-" + UUID.randomUUID(), 1, "traced")));
		}
		finally {
			work.end();
		}

		ConsumerRecord<String, byte[]> published = published((r) -> id.toString().equals(header(r, "ce_id")));
		assertThat(header(published, "traceparent"))
			.isEqualTo("00-" + work.context().traceId() + "-" + work.context().spanId() + "-01");
	}

	@Test
	void aConsumedRecordsTraceContinuesThroughTheListenerIntoTheEventsItCauses() throws Exception {
		String traceId = hex(16);
		String upstreamSpan = hex(8);
		String account = "acc-" + UUID.randomUUID();
		String note = UUID.randomUUID().toString();
		EventEnvelope envelope = new EventEnvelope(UUID.randomUUID(), LedgerEntryRecorded.TYPE.source(),
				LedgerEntryRecorded.TYPE.ceType(), account, OffsetDateTime.now(ZoneOffset.UTC), null, null, null,
				"00-" + traceId + "-" + upstreamSpan + "-01",
				EventJson.write(new LedgerEntryRecorded(account, 1, "echo:" + note)));
		try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, this.infrastructure.kafka().bootstrapServers()),
				new StringSerializer(), new ByteArraySerializer())) {
			producer.send(CloudEventsKafkaBinding.toRecord(LedgerEntryRecorded.TOPIC, envelope)).get();
		}

		ConsumerRecord<String, byte[]> caused = published(
				(r) -> new String(r.value(), StandardCharsets.UTF_8).contains("echoed:" + note));
		String[] traceparent = header(caused, "traceparent").split("-");
		assertThat(traceparent[1]).as("same trace").isEqualTo(traceId);
		String receiveSpan = traceparent[2];
		assertThat(receiveSpan).isNotEqualTo(upstreamSpan);
		SpanData receive = await().atMost(Duration.ofMinutes(2))
			.until(() -> find(this.spans.getFinishedSpanItems(), receiveSpan), Optional::isPresent)
			.orElseThrow();
		assertThat(receive.getTraceId()).isEqualTo(traceId);
		assertThat(receive.getParentSpanId()).as("the listener's span is a child of the record's")
			.isEqualTo(upstreamSpan);
		assertThat(receive.getName()).contains(LedgerEntryRecorded.TOPIC);
	}

	private ConsumerRecord<String, byte[]> published(
			java.util.function.Predicate<ConsumerRecord<String, byte[]>> which) {
		try (TopicReader reader = new TopicReader(this.infrastructure.kafka().bootstrapServers(),
				LedgerEntryRecorded.TOPIC)) {
			return reader.readUntil((all) -> all.stream().anyMatch(which), Duration.ofMinutes(2))
				.stream()
				.filter(which)
				.findFirst()
				.orElseThrow();
		}
	}

	private static Optional<SpanData> find(List<SpanData> spans, String spanId) {
		return spans.stream().filter((span) -> span.getSpanId().equals(spanId)).findFirst();
	}

	private static String header(ConsumerRecord<String, byte[]> record, String name) {
		Header header = record.headers().lastHeader(name);
		return (header != null) ? new String(header.value(), StandardCharsets.UTF_8) : null;
	}

	private static String hex(int bytes) {
		byte[] random = new byte[bytes];
		ThreadLocalRandom.current().nextBytes(random);
		return HexFormat.of().formatHex(random);
	}

}
