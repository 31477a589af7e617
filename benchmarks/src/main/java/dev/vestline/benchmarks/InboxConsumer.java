package dev.vestline.benchmarks;

import java.time.Duration;
import java.util.List;

import javax.sql.DataSource;

import dev.vestline.messaging.inbox.Inbox;
import dev.vestline.messaging.inbox.InboxMetrics;
import dev.vestline.messaging.inbox.NewEvent;
import dev.vestline.testharness.SchemaUnderTest;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;

import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Vestline's inbox consuming a topic in which 10% of the events arrive twice: each polled
 * batch in one transaction ({@code Inbox.receiveBatch}), one effect row per new event,
 * then the offset commit.
 */
final class InboxConsumer {

	static final String CONSUMER = "bench-consumer";

	private InboxConsumer() {
	}

	/**
	 * @return new events applied per second, and what the inbox counted
	 */
	static Consumed consume(Lab lab, Sizes sizes, String topic) {
		return consume(lab, sizes, topic, Handler.ROW_PER_EVENT);
	}

	/**
	 * @param kind what the handler does with each new event
	 * @return new events applied per second, and what the inbox counted
	 */
	static Consumed consume(Lab lab, Sizes sizes, String topic, Handler kind) {
		try (SchemaUnderTest schema = lab.schema();
				KafkaConsumer<String, byte[]> consumer = Consumers.fromBeginning(lab, topic)) {
			DataSource dataSource = schema.dataSource();
			InboxMetrics metrics = new InboxMetrics(new SimpleMeterRegistry());
			Inbox inbox = new Inbox(dataSource, new TransactionTemplate(new JdbcTransactionManager(dataSource)),
					PositionRevalued.CATALOG, metrics);
			Effects effects = new Effects(dataSource);
			Batch handler = switch (kind) {
				case ROW_PER_EVENT -> (records) -> inbox.receiveBatch(CONSUMER, records, PositionRevalued.class,
						(event) -> effects.apply(event.account(), event.sequence()));
				case ROWS_PER_BATCH -> (records) -> inbox.receiveAll(CONSUMER, records, PositionRevalued.class,
						(events) -> effects.applyAll(events.stream().map(NewEvent::event).toList()));
				case NOTHING -> (records) -> inbox.receiveBatch(CONSUMER, records, PositionRevalued.class, (event) -> {
				});
			};
			long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
			Stopwatch watch = Stopwatch.start();
			while (metrics.appliedCount(CONSUMER) < sizes.events()) {
				var records = Consumers.list(consumer.poll(Duration.ofMillis(100)));
				if (!records.isEmpty()) {
					handler.apply(records);
					consumer.commitSync();
				}
				if (System.nanoTime() > deadline) {
					throw new IllegalStateException("Inbox consumer did not finish");
				}
			}
			double rate = watch.rate(sizes.events());
			Stopwatch.awaitUntil(
					() -> metrics.duplicatedCount(CONSUMER) >= sizes.duplicates() || !drain(consumer, handler),
					Duration.ofSeconds(30), "duplicates");
			return new Consumed(rate, (long) metrics.appliedCount(CONSUMER), (long) metrics.duplicatedCount(CONSUMER),
					effects.count());
		}
	}

	/** The last redeliveries may come after the last new event. */
	private static boolean drain(KafkaConsumer<String, byte[]> consumer, Batch handler) {
		var records = Consumers.list(consumer.poll(Duration.ofMillis(200)));
		if (records.isEmpty()) {
			return false;
		}
		handler.apply(records);
		consumer.commitSync();
		return true;
	}

	/** How a polled batch goes through the inbox. */
	private interface Batch {

		void apply(List<ConsumerRecord<String, byte[]>> records);

	}

	/** What the handler does with each new event. */
	enum Handler {

		/** One INSERT per event, as a service's handler would write it. */
		ROW_PER_EVENT,

		/**
		 * The same rows, written with one statement per batch: {@code Inbox.receiveAll}
		 * hands the handler all new events of the batch at once.
		 */
		ROWS_PER_BATCH,

		/** Nothing: what the inbox itself costs. */
		NOTHING

	}

	/**
	 * @param rate new events applied per second
	 * @param applied events the inbox applied
	 * @param duplicates redeliveries it suppressed
	 * @param effects effect rows written (must equal {@code applied})
	 */
	record Consumed(double rate, long applied, long duplicates, long effects) {

	}

}
