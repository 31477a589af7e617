package dev.vestline.billing;

import java.util.List;
import java.util.Map;

import dev.vestline.events.Topics;
import dev.vestline.testharness.KafkaBroker;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TopicDeclarationIntegrationTests extends BillingIntegrationTest {

	@Test
	void createsTheEventTopicsAndItsDeadLetterTopicsWithTheConfiguredPartitionsBeforeConsuming() throws Exception {
		List<String> expected = List.of(Topics.APPROVAL, Topics.SIGNATURE, Topics.BILLING, Topics.RECONCILIATION,
				Topics.deadLetter(Topics.SIGNATURE, "billing"), Topics.deadLetter(Topics.RECONCILIATION, "billing"));
		try (Admin admin = Admin.create(
				Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, this.infrastructure.kafka().bootstrapServers()))) {
			Map<String, TopicDescription> topics = admin.describeTopics(expected).allTopicNames().get();

			assertThat(topics).containsOnlyKeys(expected);
			// 6 is vestline.messaging.topics.partitions' default; an auto-created topic
			// would have the test broker's num.partitions
			assertThat(KafkaBroker.PARTITIONS).isNotEqualTo(6);
			assertThat(topics.values()).allSatisfy((topic) -> assertThat(topic.partitions()).hasSize(6));
		}
	}

}
