package dev.vestline.deploy;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import dev.vestline.deploy.Overlay.Document;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Kafka on Strimzi in every overlay: a cluster that survives a broker, the topics the
 * services use with the retention the inbox relies on, and for each service a user that
 * may do exactly what the service needs.
 */
class KafkaResourcesTests {

	@Test
	void theCatalogueAndTheListenersAgreeOnWhoConsumesWhat() {
		Map<String, Map<String, Set<String>>> listeners = Consumers.fromListeners();
		for (String service : Repository.SERVICES) {
			// one group per service, named after it
			assertThat(listeners.get(service)).as(service).containsOnlyKeys(service);
			assertThat(listeners.get(service).get(service)).as(service).isEqualTo(Consumers.CATALOGUE.get(service));
		}
	}

	@Test
	void theClusterKeepsEveryRecordOnThreeBrokersAndWritesOnlyWhenTwoHaveIt() {
		for (Overlay overlay : Rendered.overlays()) {
			Document kafka = overlay.all("Kafka").findFirst().orElseThrow();
			Map<String, Object> config = Tree.map(kafka.tree(), "spec", "kafka", "config");
			assertThat(config).containsEntry("default.replication.factor", 3)
				.containsEntry("min.insync.replicas", 2)
				.containsEntry("offsets.topic.replication.factor", 3)
				.containsEntry("auto.create.topics.enable", false)
				.containsEntry("unclean.leader.election.enable", false);
			assertThat(Tree.string(kafka.tree(), "spec", "kafka", "authorization", "type")).isEqualTo("simple");
			assertThat(replicas(overlay, "broker")).isEqualTo(3);
			assertThat(replicas(overlay, "controller")).isEqualTo(3);
			assertThat(Tree.list(kafka.tree(), "spec", "kafka", "listeners")).singleElement().satisfies((listener) -> {
				assertThat(Tree.at(listener, "tls")).isEqualTo(true);
				assertThat(Tree.string(listener, "authentication", "type")).isEqualTo("scram-sha-512");
			});
		}
	}

	@Test
	void everyEventTopicAndDeadLetterTopicIsProvisionedWithThreeReplicas() {
		Set<String> expected = new TreeSet<>();
		Consumers.CATALOGUE.forEach((service, topics) -> {
			expected.add(Consumers.ownTopic(service));
			topics.forEach((topic) -> expected.add(Consumers.deadLetterTopic(topic, service)));
		});
		for (Overlay overlay : Rendered.overlays()) {
			assertThat(overlay.all("KafkaTopic").map(KafkaResourcesTests::topicName)).as(overlay.name())
				.containsExactlyInAnyOrderElementsOf(expected);
			overlay.all("KafkaTopic").forEach((topic) -> {
				assertThat(Tree.at(topic.tree(), "spec", "replicas")).as(topic.name()).isEqualTo(3);
				assertThat(Tree.at(topic.tree(), "spec", "config", "min.insync.replicas")).isEqualTo(2);
				assertThat(Tree.string(topic.tree(), "metadata", "labels", "strimzi.io/cluster"))
					.isEqualTo("vestline-kafka");
			});
		}
	}

	@Test
	void eventTopicsForgetRecordsBeforeTheInboxForgetsTheirIds() {
		for (Overlay overlay : Rendered.overlays()) {
			for (String service : Repository.SERVICES) {
				Duration inbox = days(Placeholders.defaultOf(Tree.string(Repository.applicationYaml(service, "prod"),
						"vestline", "messaging", "inbox", "retention")));
				for (String topic : Consumers.CATALOGUE.get(service)) {
					long retention = ((Number) Tree.at(topic(overlay, topic).tree(), "spec", "config", "retention.ms"))
						.longValue();
					assertThat(Duration.ofMillis(retention)).as(topic + " against " + service + "'s inbox")
						.isPositive()
						.isLessThan(inbox);
				}
			}
		}
	}

	@Test
	void deadLetterTopicsKeepTheirRecordsUntilHandled() {
		for (Overlay overlay : Rendered.overlays()) {
			overlay.all("KafkaTopic").filter((topic) -> topicName(topic).endsWith(".dlt")).forEach((topic) -> {
				assertThat(Tree.at(topic.tree(), "spec", "config", "retention.ms")).as(topic.name()).isEqualTo(-1);
				assertThat(Tree.at(topic.tree(), "spec", "config", "retention.bytes")).as(topic.name()).isEqualTo(-1);
				assertThat(Tree.string(topic.tree(), "spec", "config", "cleanup.policy")).isEqualTo("delete");
			});
		}
	}

	@Test
	void kedaNeverScalesAServicePastThePartitionsOfWhatItConsumes() {
		for (Overlay overlay : Rendered.overlays()) {
			assertThat(overlay.all("HorizontalPodAutoscaler")).isEmpty();
			for (String service : Repository.SERVICES) {
				Document scaled = overlay.one("ScaledObject", service);
				assertThat(Tree.string(scaled.tree(), "spec", "scaleTargetRef", "name")).isEqualTo(service);
				List<Object> triggers = Tree.list(scaled.tree(), "spec", "triggers")
					.stream()
					.filter((trigger) -> !"cpu".equals(Tree.string(trigger, "type")))
					.toList();
				assertThat(triggers.stream().map((trigger) -> Tree.string(trigger, "metadata", "topic")))
					.containsExactlyInAnyOrderElementsOf(Consumers.CATALOGUE.get(service));
				int fewestPartitions = Integer.MAX_VALUE;
				for (Object trigger : triggers) {
					assertThat(Tree.string(trigger, "type")).isEqualTo("kafka");
					assertThat(Tree.string(trigger, "metadata", "consumerGroup")).isEqualTo(service);
					assertThat(Tree.string(trigger, "authenticationRef", "name")).isEqualTo("vestline-kafka-keda");
					fewestPartitions = Math.min(fewestPartitions, (Integer) Tree
						.at(topic(overlay, Tree.string(trigger, "metadata", "topic")).tree(), "spec", "partitions"));
				}
				assertThat((Integer) Tree.at(scaled.tree(), "spec", "maxReplicaCount")).as(service)
					.isLessThanOrEqualTo(fewestPartitions);
				assertThat((Integer) Tree.at(scaled.tree(), "spec", "minReplicaCount")).as(service)
					.isGreaterThanOrEqualTo(2);
			}
		}
	}

	@Test
	void everyWorkloadMayDoExactlyWhatItNeedsAndNoMore() {
		for (Overlay overlay : Rendered.overlays()) {
			for (String workload : Repository.WORKLOADS) {
				assertThat(acls(overlay.one("KafkaUser", Consumers.kafkaUser(workload)))).as(workload)
					.containsExactlyInAnyOrderElementsOf(needs(workload));
			}
		}
	}

	@Test
	void everyKafkaUserBelongsToAWorkloadOrToKeda() {
		Set<String> known = new TreeSet<>(Repository.WORKLOADS.stream().map(Consumers::kafkaUser).toList());
		known.add("keda-kafka");
		for (Overlay overlay : Rendered.overlays()) {
			assertThat(overlay.all("KafkaUser").map(Document::name)).as(overlay.name())
				.containsExactlyInAnyOrderElementsOf(known);
		}
	}

	@Test
	void theConsoleReadsTheEventTopicsWithItsOwnGroupsAndWritesNothing() {
		for (Overlay overlay : Rendered.overlays()) {
			Set<String> acls = acls(overlay.one("KafkaUser", Consumers.kafkaUser(Repository.CONSOLE)));
			assertThat(acls).noneSatisfy((acl) -> assertThat(acl).endsWith(" Write"))
				.filteredOn((acl) -> acl.startsWith("topic "))
				.allSatisfy((acl) -> assertThat(acl.split(" ")[1]).isIn(Consumers.CONSOLE_TOPICS));
			assertThat(acls).filteredOn((acl) -> acl.startsWith("group "))
				.containsExactly("group " + Consumers.CONSOLE_GROUP_PREFIX + "* Read");
		}
	}

	@Test
	void noServiceMayWriteAnotherServicesEventTopic() {
		for (Overlay overlay : Rendered.overlays()) {
			for (Document user : overlay.all("KafkaUser").toList()) {
				Set<String> writable = new TreeSet<>();
				acls(user).stream()
					.filter((acl) -> acl.startsWith("topic ") && acl.endsWith(" Write"))
					.map((acl) -> acl.split(" ")[1])
					.filter((topic) -> !topic.endsWith(".dlt"))
					.forEach(writable::add);
				String owner = user.name().replace("-kafka", "");
				assertThat(writable).as(user.name())
					.isSubsetOf(Repository.SERVICES.contains(owner) ? Set.of(Consumers.ownTopic(owner)) : Set.of());
			}
		}
	}

	@Test
	void kedaMayOnlyDescribeTheTopicsAndGroupsItMeasures() {
		for (Overlay overlay : Rendered.overlays()) {
			assertThat(acls(overlay.one("KafkaUser", "keda-kafka")))
				.allSatisfy((acl) -> assertThat(acl).endsWith(" Describe"));
		}
	}

	@Test
	void everyWorkloadConnectsAsItsKafkaUserOverTheTlsListener() {
		for (Overlay overlay : Rendered.overlays()) {
			Document kafka = overlay.all("Kafka").findFirst().orElseThrow();
			Object port = Tree.at(Tree.list(kafka.tree(), "spec", "kafka", "listeners").getFirst(), "port");
			for (String workload : Repository.WORKLOADS) {
				String user = Consumers.kafkaUser(workload);
				Map<String, String> environment = Rendered.environment(overlay.one("Deployment", workload));
				assertThat(environment).as(workload)
					.containsEntry("KAFKA_BOOTSTRAP_SERVERS", kafka.name() + "-kafka-bootstrap:" + port)
					.containsEntry("KAFKA_SECURITY_PROTOCOL", "SASL_SSL")
					.containsEntry("KAFKA_SASL_MECHANISM", "SCRAM-SHA-512")
					.containsEntry("KAFKA_SASL_JAAS_CONFIG", "secret:" + user + "/sasl.jaas.config");
				assertThat(Tree.string(overlay.one("KafkaUser", user).tree(), "spec", "authentication", "type"))
					.isEqualTo("scram-sha-512");
			}
		}
	}

	/**
	 * What a workload does with Kafka. A service, from the catalogue and the messaging
	 * code: the relay writes its topic; its group reads what it consumes; the dead-letter
	 * publisher writes {@code <topic>.<group>.dlt}, which the dead-letter endpoints read
	 * with the group {@code <group>.dlt-replay}. The console only reads every event
	 * topic, with a group per instance ({@code vestline-console-*}). (Describe goes with
	 * each topic: clients look up partitions.)
	 */
	private static Set<String> needs(String workload) {
		Set<String> needs = new HashSet<>();
		if (Repository.CONSOLE.equals(workload)) {
			for (String topic : Consumers.CONSOLE_TOPICS) {
				needs.add("topic " + topic + " Read");
				needs.add("topic " + topic + " Describe");
			}
			needs.add("group " + Consumers.CONSOLE_GROUP_PREFIX + "* Read");
			return needs;
		}
		String service = workload;
		needs.add("topic " + Consumers.ownTopic(service) + " Write");
		needs.add("topic " + Consumers.ownTopic(service) + " Describe");
		for (String topic : Consumers.CATALOGUE.get(service)) {
			needs.add("topic " + topic + " Read");
			needs.add("topic " + topic + " Describe");
			String deadLetters = Consumers.deadLetterTopic(topic, service);
			for (String operation : List.of("Write", "Read", "Describe")) {
				needs.add("topic " + deadLetters + " " + operation);
			}
		}
		for (String group : List.of(service, service + ".dlt-replay")) {
			needs.add("group " + group + " Read");
			needs.add("group " + group + " Describe");
		}
		return needs;
	}

	/**
	 * A user's ACLs as "type name Operation", allow rules only; a prefixed name ends in
	 * {@code *}, and only a group may be named by prefix.
	 */
	private static Set<String> acls(Document user) {
		Set<String> acls = new HashSet<>();
		for (Object acl : Tree.list(user.tree(), "spec", "authorization", "acls")) {
			String pattern = Tree.string(acl, "resource", "patternType");
			String type = Tree.string(acl, "resource", "type");
			assertThat(pattern).as(user.name()).isIn("literal", "prefix", null);
			if ("prefix".equals(pattern)) {
				assertThat(type).as(user.name() + ": only groups are named by prefix").isEqualTo("group");
			}
			assertThat(Tree.string(acl, "type")).as(user.name()).isIn("allow", null);
			String name = Tree.string(acl, "resource", "name") + ("prefix".equals(pattern) ? "*" : "");
			for (Object operation : Tree.list(acl, "operations")) {
				acls.add(type + " " + name + " " + operation);
			}
		}
		return acls;
	}

	private static int replicas(Overlay overlay, String role) {
		return overlay.all("KafkaNodePool")
			.filter((pool) -> Tree.list(pool.tree(), "spec", "roles").contains(role))
			.mapToInt((pool) -> (Integer) Tree.at(pool.tree(), "spec", "replicas"))
			.sum();
	}

	private static Document topic(Overlay overlay, String name) {
		return overlay.all("KafkaTopic")
			.filter((topic) -> name.equals(topicName(topic)))
			.findFirst()
			.orElseThrow(() -> new AssertionError("No KafkaTopic " + name));
	}

	private static String topicName(Document topic) {
		String name = Tree.string(topic.tree(), "spec", "topicName");
		return (name != null) ? name : topic.name();
	}

	private static Duration days(String value) {
		assertThat(value).matches("\\d+d");
		return Duration.ofDays(Long.parseLong(value.substring(0, value.length() - 1)));
	}

}
