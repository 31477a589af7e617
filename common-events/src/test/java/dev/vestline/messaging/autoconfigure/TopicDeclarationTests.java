package dev.vestline.messaging.autoconfigure;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

import dev.vestline.events.EventCatalog;
import dev.vestline.testharness.FreePorts;
import dev.vestline.testharness.StandaloneKafkaBroker;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.awaitility.Awaitility.await;

class TopicDeclarationTests {

	@Test
	void startsWithoutABrokerAndCreatesTheTopicsOnceTheBrokerIsThere(@TempDir Path kafkaHome) throws Exception {
		int port = FreePorts.pick();
		Map<String, Object> config = Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:" + port);
		TopicDeclaration declaration = new TopicDeclaration(config, EventCatalog.v1(),
				new DefaultListableBeanFactory().getBeanProvider(KafkaListenerEndpointRegistry.class),
				new TopicProperties(true, 6, null, Duration.ofSeconds(1)));

		assertThatNoException().isThrownBy(declaration::start);
		assertThat(declaration.isRunning()).isTrue();

		try (StandaloneKafkaBroker broker = StandaloneKafkaBroker.start(kafkaHome, port, FreePorts.pick());
				Admin admin = Admin.create(config)) {
			Set<String> topics = Set.of("approval.events", "billing.events", "reconciliation.events",
					"signature.events");
			await("topics created by the retries").atMost(Duration.ofSeconds(60))
				.until(() -> admin.listTopics().names().get().containsAll(topics));
			assertThat(admin.describeTopics(topics).allTopicNames().get().values())
				.allSatisfy((topic) -> assertThat(topic.partitions()).hasSize(6)); // the
																					// broker's
																					// own
																					// default
																					// is
																					// 4
		}
		finally {
			declaration.stop();
		}
	}

}
