package dev.vestline.messaging.outbox;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * The outbox's health in numbers: backlog size and age of the oldest unpublished event
 * (every replica reports them, refreshed by {@link #refresh()}), commit-to-ack latency,
 * events published and publish failures (counted by the relay that did the work).
 */
public class OutboxMetrics {

	private final OutboxQueries queries;

	private final Clock clock;

	private final AtomicLong backlog = new AtomicLong();

	private final AtomicLong oldestAgeMillis = new AtomicLong();

	private final AtomicLong leaders = new AtomicLong();

	private final AtomicLong parked = new AtomicLong();

	private final AtomicLong held = new AtomicLong();

	private final Counter parkings;

	private final Counter published;

	private final Counter failed;

	private final Timer latency;

	public OutboxMetrics(DataSource dataSource, MeterRegistry registry, Clock clock) {
		this.queries = new OutboxQueries(dataSource);
		this.clock = clock;
		Gauge.builder("vestline.outbox.backlog", this.backlog, AtomicLong::get)
			.description("Outbox events not yet acknowledged by Kafka")
			.register(registry);
		Gauge.builder("vestline.outbox.oldest.age", this.oldestAgeMillis, (age) -> age.get() / 1000.0)
			.description("Age of the oldest unpublished outbox event")
			.baseUnit("seconds")
			.register(registry);
		Gauge.builder("vestline.outbox.relay.leader", this.leaders, AtomicLong::get)
			.description("1 while this instance's relay is the schema's active relay")
			.register(registry);
		Gauge.builder("vestline.outbox.parked", this.parked, AtomicLong::get)
			.description("Outbox events the broker refused again and again, parked for an operator to retry or discard")
			.register(registry);
		Gauge.builder("vestline.outbox.held", this.held, AtomicLong::get)
			.description("Outbox events waiting behind a parked event of their aggregate")
			.register(registry);
		this.parkings = Counter.builder("vestline.outbox.events.parked")
			.description("Outbox events this relay parked after repeated refusals")
			.register(registry);
		this.published = Counter.builder("vestline.outbox.events.published")
			.description("Outbox events acknowledged by Kafka")
			.register(registry);
		this.failed = Counter.builder("vestline.outbox.publish.failed")
			.description("Relay batches that Kafka did not fully acknowledge")
			.register(registry);
		this.latency = Timer.builder("vestline.outbox.publish.latency")
			.description("From writing the outbox row to the broker's acknowledgement")
			.publishPercentileHistogram()
			.maximumExpectedValue(Duration.ofMinutes(5))
			.register(registry);
	}

	/** Reads backlog size and oldest age from the database. */
	public void refresh() {
		OutboxQueries.Backlog current = this.queries.backlog();
		this.backlog.set(current.size());
		this.parked.set(current.parked());
		this.held.set(current.held());
		this.oldestAgeMillis.set(current.age(this.clock.instant()).toMillis());
	}

	/**
	 * @return the backlog as of the last {@link #refresh()}
	 */
	public long backlog() {
		return this.backlog.get();
	}

	/**
	 * @return the oldest unpublished event's age as of the last {@link #refresh()}
	 */
	public Duration oldestAge() {
		return Duration.ofMillis(this.oldestAgeMillis.get());
	}

	void acknowledged(OutboxRow row) {
		this.published.increment();
		long millis = Duration.between(row.createdAt(), this.clock.instant()).toMillis();
		this.latency.record(Math.max(0, millis), TimeUnit.MILLISECONDS);
	}

	/**
	 * @return the parked events as of the last {@link #refresh()}
	 */
	public long parked() {
		return this.parked.get();
	}

	void eventParked() {
		this.parkings.increment();
	}

	void failed() {
		this.failed.increment();
	}

	void leading(boolean leading) {
		this.leaders.set(leading ? 1 : 0);
	}

}
