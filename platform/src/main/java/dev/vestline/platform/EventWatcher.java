package dev.vestline.platform;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;

import dev.vestline.messaging.cloudevents.CloudEventsKafkaBinding;
import dev.vestline.messaging.cloudevents.EventEnvelope;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Watches the four event topics from their beginning and keeps every event once (by
 * {@code ce_id}), counting how often each was delivered. Callers wait for the events a
 * step should cause.
 */
final class EventWatcher implements AutoCloseable {

	static final List<String> TOPICS = List.of("approval.events", "signature.events", "billing.events",
			"reconciliation.events");

	private final KafkaConsumer<String, byte[]> consumer;

	private final Thread poller;

	private final Clock clock = Clock.systemUTC();

	private final List<ObservedEvent> events = new ArrayList<>();

	private final Map<UUID, Integer> deliveries = new HashMap<>();

	private int undecodable;

	private volatile boolean running = true;

	EventWatcher(String bootstrapServers) {
		Properties config = new Properties();
		config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
		config.put(ConsumerConfig.GROUP_ID_CONFIG, "vestline-lifecycle-watcher-" + UUID.randomUUID());
		config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
		this.consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
		this.consumer.subscribe(TOPICS);
		this.poller = Thread.ofPlatform().name("lifecycle-event-watcher").daemon().start(this::poll);
	}

	private void poll() {
		try {
			while (this.running) {
				for (ConsumerRecord<String, byte[]> record : this.consumer.poll(Duration.ofMillis(200))) {
					observe(record);
				}
			}
		}
		catch (WakeupException closing) {
			// close() woke the consumer up
		}
		finally {
			this.consumer.close(Duration.ofSeconds(5));
		}
	}

	private synchronized void observe(ConsumerRecord<String, byte[]> record) {
		EventEnvelope envelope;
		try {
			envelope = CloudEventsKafkaBinding.fromRecord(record);
		}
		catch (RuntimeException ex) {
			this.undecodable++;
			return;
		}
		if (this.deliveries.merge(envelope.id(), 1, Integer::sum) == 1) {
			this.events.add(new ObservedEvent(record.topic(), envelope.type(), envelope.id(), envelope.subject(),
					envelope.correlationId(), this.clock.instant(), envelope.data()));
		}
		notifyAll();
	}

	/**
	 * @return the events seen so far, each once, in the order they were first seen
	 */
	synchronized List<ObservedEvent> events() {
		return List.copyOf(this.events);
	}

	/**
	 * @return how often each event was delivered
	 */
	synchronized Map<UUID, Integer> deliveries() {
		return Map.copyOf(this.deliveries);
	}

	synchronized int undecodable() {
		return this.undecodable;
	}

	/**
	 * Waits until at least {@code count} events seen from position {@code from} on match.
	 * @param from a position in {@link #events()}
	 * @param wanted the events waited for
	 * @param count how many
	 * @param timeout how long to wait at most
	 * @return the matching events
	 */
	synchronized List<ObservedEvent> await(int from, Predicate<ObservedEvent> wanted, int count, Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (true) {
			List<ObservedEvent> found = this.events.subList(Math.min(from, this.events.size()), this.events.size())
				.stream()
				.filter(wanted)
				.toList();
			long left = deadline - System.nanoTime();
			if (found.size() >= count) {
				return found;
			}
			if (left <= 0) {
				throw new IllegalStateException("Waited " + timeout + " for " + count + " events, saw " + found.size()
						+ " (all events so far: " + this.events.stream().map(ObservedEvent::name).toList() + ")");
			}
			try {
				wait(Math.max(1, left / 1_000_000));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}
	}

	@Override
	public void close() {
		this.running = false;
		this.consumer.wakeup();
		try {
			this.poller.join(Duration.ofSeconds(10));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
