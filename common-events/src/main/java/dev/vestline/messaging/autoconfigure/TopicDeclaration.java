package dev.vestline.messaging.autoconfigure;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import dev.vestline.events.EventCatalog;
import dev.vestline.events.EventType;
import dev.vestline.messaging.deadletters.DeadLetters;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;

/**
 * Creates the missing topics before the listeners start: the event topics of the
 * catalogue and {@code <topic>.<group>.dlt} for every topic a listener of this service
 * consumes, so that nothing depends on the broker's auto-creation and every topic gets
 * the partitions the operator chose. A dead-letter topic keeps its records for ever
 * ({@code retention.ms} and {@code retention.bytes} -1, set on existing ones too): a dead
 * letter stays until an operator replays or discards it. Otherwise topics that exist are
 * left as they are. If the broker cannot be reached, the service starts anyway (the
 * outbox keeps its events), says so in the log and tries again in the background until
 * the topics exist.
 */
class TopicDeclaration implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(TopicDeclaration.class);

	private static final long TIMEOUT_SECONDS = 15;

	/** A dead letter stays until it is replayed or discarded. */
	private static final Map<String, String> KEEP_FOR_EVER = Map.of(TopicConfig.RETENTION_MS_CONFIG, "-1",
			TopicConfig.RETENTION_BYTES_CONFIG, "-1");

	private final Map<String, Object> adminConfig;

	private final EventCatalog catalog;

	private final ObjectProvider<KafkaListenerEndpointRegistry> listeners;

	private final TopicProperties properties;

	private volatile boolean running;

	private @Nullable Thread retrying;

	TopicDeclaration(Map<String, Object> adminConfig, EventCatalog catalog,
			ObjectProvider<KafkaListenerEndpointRegistry> listeners, TopicProperties properties) {
		this.adminConfig = adminConfig;
		this.catalog = catalog;
		this.listeners = listeners;
		this.properties = properties;
	}

	@Override
	public void start() {
		this.running = true;
		if (!declare()) {
			this.retrying = Thread.ofVirtual().name("kafka-topic-declaration").start(this::retry);
		}
	}

	/**
	 * @return whether the topics could be listed and the missing ones created
	 */
	boolean declare() {
		try (Admin admin = Admin.create(withTimeouts(this.adminConfig))) {
			Set<String> existing = admin.listTopics().names().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
			Set<String> missing = new TreeSet<>(wanted());
			missing.removeAll(existing);
			create(admin, missing);
			keepForEver(admin, wanted().stream().filter(TopicDeclaration::deadLetters).toList());
			return true;
		}
		catch (ExecutionException | TimeoutException | RuntimeException ex) {
			logger.warn("Could not declare the Kafka topics ({}); trying again in {}", ex.toString(),
					this.properties.retryInterval());
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	private void retry() {
		try {
			do {
				Thread.sleep(this.properties.retryInterval());
			}
			while (this.running && !declare());
		}
		catch (InterruptedException ex) {
			// stopped
		}
	}

	/**
	 * @return the event topics and this service's dead-letter topics
	 */
	Set<String> wanted() {
		Set<String> topics = new TreeSet<>();
		this.catalog.all().stream().map(EventType::topic).forEach(topics::add);
		this.listeners.ifAvailable((registry) -> DeadLetters.of(registry).forEach((topic) -> topics.add(topic.name())));
		return topics;
	}

	/** One request for all missing topics; each is then reported on its own. */
	private void create(Admin admin, Collection<String> topics) throws InterruptedException, TimeoutException {
		Optional<Short> replication = Optional.ofNullable(this.properties.replicationFactor());
		var created = admin
			.createTopics(topics.stream()
				.map((topic) -> new NewTopic(topic, Optional.of(this.properties.partitions()), replication)
					.configs(deadLetters(topic) ? KEEP_FOR_EVER : Map.of()))
				.toList())
			.values();
		for (var topic : created.entrySet()) {
			try {
				topic.getValue().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
				logger.info("Created Kafka topic {} with {} partitions", topic.getKey(), this.properties.partitions());
			}
			catch (ExecutionException ex) {
				if (!(ex.getCause() instanceof TopicExistsException)) {
					logger.warn("Could not create Kafka topic {}: {}", topic.getKey(), ex.getCause().toString());
				}
				// else another replica created it at the same moment
			}
		}
	}

	/**
	 * Sets infinite retention on dead-letter topics that exist, created before or by
	 * another means; setting it again is harmless.
	 */
	private static void keepForEver(Admin admin, Collection<String> topics)
			throws InterruptedException, TimeoutException, ExecutionException {
		Map<ConfigResource, Collection<AlterConfigOp>> changes = new HashMap<>();
		for (String topic : topics) {
			changes.put(new ConfigResource(ConfigResource.Type.TOPIC, topic),
					KEEP_FOR_EVER.entrySet()
						.stream()
						.map((entry) -> new AlterConfigOp(new ConfigEntry(entry.getKey(), entry.getValue()),
								AlterConfigOp.OpType.SET))
						.toList());
		}
		if (!changes.isEmpty()) {
			admin.incrementalAlterConfigs(changes).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
		}
	}

	private static boolean deadLetters(String topic) {
		return topic.endsWith(".dlt");
	}

	private static Map<String, Object> withTimeouts(Map<String, Object> config) {
		Map<String, Object> bounded = new HashMap<>(config);
		bounded.putIfAbsent(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000);
		bounded.putIfAbsent(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
		return bounded;
	}

	@Override
	public void stop() {
		this.running = false;
		if (this.retrying != null) {
			this.retrying.interrupt();
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	/** Before the listener containers, which start in their default phase. */
	@Override
	public int getPhase() {
		return AbstractMessageListenerContainer.DEFAULT_PHASE - 100;
	}

}
