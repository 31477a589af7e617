package dev.vestline.console.live;

import java.util.concurrent.Executors;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.listener.ContainerProperties.AckMode;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The console's consumer, its watch on the broker and the open pages' streams.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableConfigurationProperties(LiveProperties.class)
class LiveConfiguration {

	@Bean
	Watchers liveWatchers() {
		return new Watchers(Executors.newVirtualThreadPerTaskExecutor());
	}

	@Bean
	ServiceEventsListener serviceEventsListener(Watchers watchers, LiveProperties properties) {
		return new ServiceEventsListener(watchers, properties.groupId());
	}

	@Bean
	Assignment liveAssignment() {
		return new Assignment();
	}

	/**
	 * Boot's consumer settings ({@code spring.kafka.*}, SASL included), acknowledging
	 * nothing: no offsets are committed, so the group leaves nothing behind and a new
	 * instance starts at the latest records.
	 */
	@Bean
	ConcurrentKafkaListenerContainerFactory<Object, Object> liveListenerContainerFactory(
			ConsumerFactory<Object, Object> consumers, Assignment assignment) {
		ConcurrentKafkaListenerContainerFactory<Object, Object> factory = new ConcurrentKafkaListenerContainerFactory<>();
		factory.setConsumerFactory(consumers);
		factory.getContainerProperties().setAckMode(AckMode.MANUAL);
		factory.getContainerProperties().setConsumerRebalanceListener(assignment);
		return factory;
	}

	@Bean
	BrokerWatch brokerWatch(KafkaAdmin admin, Assignment assignment, Watchers watchers, LiveProperties properties) {
		return new BrokerWatch(admin.getConfigurationProperties(), assignment, watchers, properties.brokerCheck());
	}

}
