package dev.vestline.messaging.autoconfigure;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

import dev.vestline.events.EventCatalog;
import dev.vestline.messaging.CurrentTraceparent;
import dev.vestline.messaging.deadletters.DeadLetters;
import dev.vestline.messaging.inbox.DeadLetterErrorHandler;
import dev.vestline.messaging.inbox.Inbox;
import dev.vestline.messaging.inbox.InboxMetrics;
import dev.vestline.messaging.outbox.Outbox;
import dev.vestline.messaging.outbox.OutboxMetrics;
import dev.vestline.messaging.outbox.OutboxStatus;
import dev.vestline.messaging.outbox.OutboxRelay;
import dev.vestline.messaging.outbox.ParkedEvents;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.tracing.Tracer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.flywaydb.core.api.Location;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.config.ContainerCustomizer;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Everything a service needs to publish through the outbox and consume through the inbox.
 * Boot's listener container factory picks up the {@link CommonErrorHandler} defined here.
 */
@AutoConfiguration(after = { DataSourceAutoConfiguration.class, TransactionAutoConfiguration.class,
		KafkaAutoConfiguration.class, CompositeMeterRegistryAutoConfiguration.class })
@EnableConfigurationProperties({ MessagingProperties.class, TopicProperties.class })
public class MessagingAutoConfiguration {

	/**
	 * Where the outbox and inbox migrations live; versions 0.x run before a service's own
	 * in a new database. A database migrated before a new 0.x version shipped gets it out
	 * of order, after the service's own: Flyway is told to allow that.
	 */
	public static final String MIGRATIONS = "classpath:db/vestline-messaging";

	@Bean
	@ConditionalOnMissingBean
	EventCatalog eventCatalog() {
		return EventCatalog.v1();
	}

	@Bean
	@ConditionalOnMissingBean
	Clock clock() {
		return Clock.systemUTC();
	}

	@Bean
	FlywayConfigurationCustomizer vestlineMessagingMigrations() {
		return (configuration) -> {
			var locations = new ArrayList<>(List.of(configuration.getLocations()));
			locations.add(new Location(MIGRATIONS));
			configuration.locations(locations.toArray(Location[]::new));
			configuration.outOfOrder(true);
		};
	}

	@Bean
	Outbox outbox(DataSource dataSource, EventCatalog catalog, Clock clock, ObjectProvider<Tracer> tracer,
			MessagingProperties properties) {
		return new Outbox(dataSource, catalog, clock, new CurrentTraceparent(tracer::getIfAvailable),
				Math.toIntExact(properties.outbox().maxEventSize().toBytes()));
	}

	@Bean
	ParkedEvents parkedEvents(DataSource dataSource) {
		return new ParkedEvents(dataSource);
	}

	@Bean
	OutboxStatus outboxStatus(DataSource dataSource, Clock clock) {
		return new OutboxStatus(dataSource, clock);
	}

	@Bean
	OutboxMetrics outboxMetrics(DataSource dataSource, MeterRegistry registry, Clock clock) {
		return new OutboxMetrics(dataSource, registry, clock);
	}

	@Bean
	@ConditionalOnBooleanProperty(name = "vestline.messaging.outbox.relay-enabled", matchIfMissing = true)
	OutboxRelayLifecycle outboxRelay(DataSource dataSource, KafkaProperties kafka, MessagingProperties properties,
			OutboxMetrics metrics) {
		return new OutboxRelayLifecycle(new OutboxRelay(dataSource, kafka.buildProducerProperties(),
				properties.outbox().relaySettings(), metrics));
	}

	@Bean
	@ConditionalOnExpression("!'${vestline.messaging.consumer.instance-id:}'.isBlank()")
	ContainerCustomizer<Object, Object, ConcurrentMessageListenerContainer<Object, Object>> staticMembership(
			MessagingProperties properties) {
		return new StaticMembership(String.valueOf(properties.consumer().instanceId()));
	}

	@Bean
	InboxMetrics inboxMetrics(MeterRegistry registry) {
		return new InboxMetrics(registry);
	}

	@Bean
	Inbox inbox(DataSource dataSource, TransactionTemplate transactions, EventCatalog catalog, InboxMetrics metrics) {
		return new Inbox(dataSource, transactions, catalog, metrics);
	}

	@Bean
	@ConditionalOnMissingBean(CommonErrorHandler.class)
	CommonErrorHandler deadLetterErrorHandler(KafkaProperties kafka, InboxMetrics metrics,
			MessagingProperties properties) {
		Map<String, Object> config = kafka.buildProducerProperties();
		var template = new KafkaTemplate<>(
				new DefaultKafkaProducerFactory<>(config, new StringSerializer(), new ByteArraySerializer()));
		MessagingProperties.Inbox inbox = properties.inbox();
		return DeadLetterErrorHandler.create(template, metrics, inbox.retries(), inbox.initialBackoff(),
				inbox.maxBackoff());
	}

	@Bean
	DeadLetters deadLetters(KafkaProperties kafka, DataSource dataSource,
			ObjectProvider<KafkaListenerEndpointRegistry> listeners, MeterRegistry registry) {
		return new DeadLetters(kafka.buildConsumerProperties(), kafka.buildProducerProperties(), dataSource, () -> {
			KafkaListenerEndpointRegistry containers = listeners.getIfAvailable();
			return (containers != null) ? DeadLetters.of(containers) : Set.of();
		}, registry);
	}

	@Bean
	@ConditionalOnBooleanProperty(name = "vestline.messaging.topics.declare", matchIfMissing = true)
	TopicDeclaration topicDeclaration(KafkaProperties kafka, EventCatalog catalog,
			ObjectProvider<KafkaListenerEndpointRegistry> listeners, TopicProperties properties) {
		return new TopicDeclaration(kafka.buildAdminProperties(), catalog, listeners, properties);
	}

	@Bean
	MessagingHousekeeping messagingHousekeeping(DataSource dataSource, OutboxMetrics metrics,
			MessagingProperties properties, Clock clock, ParkedEvents parked) {
		return new MessagingHousekeeping(metrics, new RetentionSweep(dataSource, properties, clock), properties,
				parked);
	}

}
