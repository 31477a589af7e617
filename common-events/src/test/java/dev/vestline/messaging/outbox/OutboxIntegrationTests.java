package dev.vestline.messaging.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import dev.vestline.events.EventJson;
import dev.vestline.messaging.EventContext;
import dev.vestline.messaging.LedgerEntryRecorded;
import dev.vestline.testharness.RealInfrastructure;
import dev.vestline.testharness.TestInfrastructure;
import dev.vestline.testharness.TopicReader;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

@SpringBootTest
@RealInfrastructure(service = "ledger")
class OutboxIntegrationTests {

	private static final String TRACEPARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

	@Autowired
	Outbox outbox;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestInfrastructure infrastructure;

	@Autowired
	MeterRegistry registry;

	@Test
	void refusesToAppendOutsideATransaction() {
		assertThatExceptionOfType(IllegalTransactionStateException.class)
			.isThrownBy(() -> this.outbox.append(new LedgerEntryRecorded("acc-none", 1, "no transaction")));
	}

	@Test
	void publishesThePayloadByteForByteAsWrittenCharactersOutsideAsciiIncluded() {
		// stored as json, not jsonb: field order and spacing as EventJson wrote them; the
		// relay hands the bytes from the wire to Kafka without decoding
		var event = new LedgerEntryRecorded("acc-" + UUID.randomUUID(), 1, "Zürich – 東京 – 🚀");
		UUID id = this.transactions.execute((status) -> this.outbox.append(event));

		ConsumerRecord<String, byte[]> record = awaitRecord(id);

		assertThat(record.value()).isEqualTo(EventJson.write(event));
		assertThat(new String(record.value(), StandardCharsets.UTF_8)).contains("Zürich – 東京 – 🚀");
	}

	@Test
	void publishesCommittedEventAsCloudEventInBinaryMode() {
		var event = new LedgerEntryRecorded("acc-" + UUID.randomUUID(), 1, "hello");
		UUID id = new EventContext("corr-1", "cause-1", TRACEPARENT)
			.call(() -> this.transactions.execute((status) -> this.outbox.append(event)));

		ConsumerRecord<String, byte[]> record = awaitRecord(id);

		assertThat(record.key()).isEqualTo(event.account());
		assertThat(header(record, "ce_id")).isEqualTo(id.toString());
		assertThat(id.version()).as("UUIDv7").isEqualTo(7);
		assertThat(header(record, "ce_specversion")).isEqualTo("1.0");
		assertThat(header(record, "ce_source")).isEqualTo("/vestline/ledger");
		assertThat(header(record, "ce_type")).isEqualTo("dev.vestline.ledger.LedgerEntryRecorded.v1");
		assertThat(header(record, "ce_subject")).isEqualTo(event.account());
		assertThat(header(record, "ce_time")).isNotBlank();
		assertThat(header(record, "ce_dataschema"))
			.isEqualTo("https://vestline.dev/schemas/ledger/LedgerEntryRecorded.v1.json");
		assertThat(header(record, "content-type")).isEqualTo("application/json");
		assertThat(header(record, "ce_correlationid")).isEqualTo("corr-1");
		assertThat(header(record, "ce_causationid")).isEqualTo("cause-1");
		assertThat(header(record, "traceparent")).isEqualTo(TRACEPARENT);
		assertThat(EventJson.read(record.value(), LedgerEntryRecorded.class)).isEqualTo(event);
		assertThat(this.registry.get("vestline.outbox.events.published").counter().count()).isPositive();
		assertThat(this.registry.get("vestline.outbox.publish.latency").timer().count()).isPositive();
	}

	@Test
	void startsANewCorrelationWhenThereIsNone() {
		UUID id = this.transactions
			.execute((status) -> this.outbox.append(new LedgerEntryRecorded("acc-" + UUID.randomUUID(), 1, "root")));
		assertThat(header(awaitRecord(id), "ce_correlationid")).isEqualTo(id.toString());
	}

	@Test
	void refusesAnEventLargerThanTheLimitWhenItIsAppendedAndCommitsNothingOfItsTransaction() {
		String account = "acc-" + UUID.randomUUID();
		// a caller's 1.2 MB text in an event: more than a broker takes by default
		String text = "x".repeat(1_200_000);

		assertThatExceptionOfType(EventTooLargeException.class)
			.isThrownBy(() -> this.transactions.executeWithoutResult((status) -> {
				this.jdbc.sql("INSERT INTO account (id) VALUES (?)").param(account).update();
				this.outbox.append(new LedgerEntryRecorded(account, 1, "a small one first"));
				this.outbox.append(new LedgerEntryRecorded(account, 2, text));
			}))
			.satisfies((ex) -> {
				assertThat(ex.eventType()).isEqualTo(LedgerEntryRecorded.TYPE.ceType());
				assertThat(ex.size()).isGreaterThan(1_200_000);
				assertThat(ex.limit()).isEqualTo(Outbox.DEFAULT_MAX_EVENT_SIZE);
			});

		assertThat(this.jdbc.sql("SELECT count(*) FROM account WHERE id = ?").param(account).query(Long.class).single())
			.isZero();
		assertThat(this.jdbc.sql("SELECT count(*) FROM outbox_event WHERE record_key = ?")
			.param(account)
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void takesAnEventJustUnderTheLimit() {
		String account = "acc-" + UUID.randomUUID();
		// the payload and the headers under the limit, with room for the envelope
		UUID id = this.transactions.execute((status) -> this.outbox
			.append(new LedgerEntryRecorded(account, 1, "y".repeat(Outbox.DEFAULT_MAX_EVENT_SIZE - 2_000))));

		assertThat(awaitRecord(id).value().length).isLessThan(Outbox.DEFAULT_MAX_EVENT_SIZE);
	}

	@Test
	void publishesNothingForARolledBackTransaction() {
		String account = "acc-" + UUID.randomUUID();
		UUID[] rolledBack = new UUID[1];
		this.transactions.executeWithoutResult((status) -> {
			rolledBack[0] = this.outbox.append(new LedgerEntryRecorded(account, 1, "rolled back"));
			status.setRollbackOnly();
		});
		UUID sentinel = this.transactions
			.execute((status) -> this.outbox.append(new LedgerEntryRecorded(account, 1, "committed after")));

		try (TopicReader reader = new TopicReader(this.infrastructure.kafka().bootstrapServers(),
				LedgerEntryRecorded.TOPIC)) {
			List<ConsumerRecord<String, byte[]>> records = reader.readUntil(
					(all) -> all.stream().anyMatch((r) -> sentinel.toString().equals(header(r, "ce_id"))),
					Duration.ofMinutes(2));
			// the relay publishes in insertion order: had the rolled-back row existed, it
			// would have come before the sentinel
			assertThat(records).noneMatch((r) -> rolledBack[0].toString().equals(header(r, "ce_id")));
		}
		assertThat(this.jdbc.sql("SELECT count(*) FROM outbox_event WHERE id = ?")
			.param(rolledBack[0])
			.query(Long.class)
			.single()).isZero();
	}

	private ConsumerRecord<String, byte[]> awaitRecord(UUID id) {
		try (TopicReader reader = new TopicReader(this.infrastructure.kafka().bootstrapServers(),
				LedgerEntryRecorded.TOPIC)) {
			return reader
				.readUntil((all) -> all.stream().anyMatch((r) -> id.toString().equals(header(r, "ce_id"))),
						Duration.ofMinutes(2))
				.stream()
				.filter((r) -> id.toString().equals(header(r, "ce_id")))
				.findFirst()
				.orElseThrow();
		}
	}

	static String header(ConsumerRecord<String, byte[]> record, String name) {
		Header header = record.headers().lastHeader(name);
		return (header != null) ? new String(header.value(), StandardCharsets.UTF_8) : null;
	}

}
