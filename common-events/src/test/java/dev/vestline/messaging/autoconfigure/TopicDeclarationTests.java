package dev.vestline.messaging.autoconfigure;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;

import dev.vestline.events.EventCatalog;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;

class TopicDeclarationTests {

	@Test
	void letsTheServiceStartWhenNoBrokerAnswersAndRetriesInTheBackground() throws Exception {
		int closedPort;
		try (ServerSocket socket = new ServerSocket(0)) {
			closedPort = socket.getLocalPort();
		}
		TopicDeclaration declaration = new TopicDeclaration(
				Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:" + closedPort), EventCatalog.v1(),
				new DefaultListableBeanFactory()
					.getBeanProvider(org.springframework.kafka.config.KafkaListenerEndpointRegistry.class),
				new TopicProperties(true, 6, null));

		long started = System.nanoTime();
		assertThatNoException().isThrownBy(declaration::start);

		assertThat(declaration.isRunning()).isTrue();
		declaration.stop(); // and with it the retries in the background
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(30));
		assertThat(declaration.wanted()).containsExactly("approval.events", "billing.events", "reconciliation.events",
				"signature.events");
	}

}
