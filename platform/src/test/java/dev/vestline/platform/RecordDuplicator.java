package dev.vestline.platform;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Delivers every record of the four event topics twice: re-publishes each one, same
 * partition, key, headers and value, to its own topic, marking the copy so a copy is
 * never copied again. What a producer retry or a relay replay does to consumers.
 */
final class RecordDuplicator implements AutoCloseable {

	static final String COPY_HEADER = "vestline-test-copy";

	private final KafkaConsumer<byte[], byte[]> consumer;

	private final KafkaProducer<byte[], byte[]> producer;

	private final Thread copier;

	private final AtomicLong copies = new AtomicLong();

	private volatile boolean running = true;

	RecordDuplicator(String bootstrapServers) {
		Properties consumerConfig = new Properties();
		consumerConfig.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
		consumerConfig.put(ConsumerConfig.GROUP_ID_CONFIG, "vestline-duplicator-" + UUID.randomUUID());
		consumerConfig.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		this.consumer = new KafkaConsumer<>(consumerConfig, new ByteArrayDeserializer(), new ByteArrayDeserializer());
		Properties producerConfig = new Properties();
		producerConfig.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
		producerConfig.put(ProducerConfig.ACKS_CONFIG, "all");
		producerConfig.put(ProducerConfig.LINGER_MS_CONFIG, "0");
		this.producer = new KafkaProducer<>(producerConfig, new ByteArraySerializer(), new ByteArraySerializer());
		this.consumer.subscribe(EventWatcher.TOPICS);
		this.copier = Thread.ofPlatform().name("record-duplicator").daemon().start(this::copy);
	}

	long copies() {
		return this.copies.get();
	}

	private void copy() {
		try {
			while (this.running) {
				for (ConsumerRecord<byte[], byte[]> record : this.consumer.poll(Duration.ofMillis(100))) {
					if (record.headers().lastHeader(COPY_HEADER) == null) {
						RecordHeaders headers = new RecordHeaders(record.headers().toArray());
						headers.add(COPY_HEADER, "1".getBytes(StandardCharsets.UTF_8));
						this.producer.send(new ProducerRecord<>(record.topic(), record.partition(), record.key(),
								record.value(), headers));
						this.copies.incrementAndGet();
					}
				}
				this.producer.flush();
			}
		}
		catch (WakeupException closing) {
			// close() woke the consumer up
		}
		finally {
			this.consumer.close(Duration.ofSeconds(5));
			this.producer.close(Duration.ofSeconds(5));
		}
	}

	@Override
	public void close() {
		this.running = false;
		this.consumer.wakeup();
		try {
			this.copier.join(Duration.ofSeconds(10));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
