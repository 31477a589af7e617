package dev.vestline.deploy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.vestline.deploy.Overlay.Document;
import io.kubernetes.client.util.ModelMapper;
import io.kubernetes.client.util.Yaml;
import io.kubernetes.client.util.generic.dynamic.DynamicKubernetesObject;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * Every overlay renders with kustomize; every core resource parses strictly as its
 * Kubernetes type, and every custom resource validates against its operator's CRD schema,
 * all offline.
 */
class KubernetesManifestsTests {

	static final CrdSchemas SCHEMAS = CrdSchemas.load();

	@Test
	void everyOverlayRendersAndEveryResourceIsValidForItsKind() {
		for (String name : Overlay.ALL) {
			Overlay overlay = Overlay.render(name);
			assertThat(overlay.documents()).as(name).isNotEmpty();
			Map<String, List<String>> problems = new LinkedHashMap<>();
			for (Document document : overlay.documents()) {
				List<String> complaints = validate(document);
				if (!complaints.isEmpty()) {
					problems.put(name + ": " + document, complaints);
				}
			}
			assertThat(problems).isEmpty();
		}
	}

	@Test
	void everyOverlayHasTheOperatorsResources() {
		for (String name : Overlay.ALL) {
			Overlay overlay = Overlay.render(name);
			assertThat(overlay.documents().stream().map(Document::kind).distinct()).as(name)
				.contains("Kafka", "KafkaNodePool", "KafkaTopic", "KafkaUser", "Cluster", "Pooler", "ScheduledBackup",
						"ScaledObject", "TriggerAuthentication", "ServiceMonitor", "PrometheusRule", "NetworkPolicy",
						"PodDisruptionBudget", "Deployment", "Service", "Namespace")
				.doesNotContain("HorizontalPodAutoscaler");
		}
	}

	@Test
	void refusesACoreResourceWithAnUnknownFieldOrAWrongType() {
		assertThat(validate(document("""
				apiVersion: policy/v1
				kind: PodDisruptionBudget
				metadata: { name: approval }
				spec: { minAvailable: 1 }
				"""))).isEmpty();
		assertThat(validate(document("""
				apiVersion: policy/v1
				kind: PodDisruptionBudget
				metadata: { name: approval }
				spec: { minAvailable: 1, maxUnavailabel: 1 }
				"""))).isNotEmpty();
		assertThat(validate(document("""
				apiVersion: apps/v1
				kind: Deployment
				metadata: { name: approval }
				spec: { replicas: two }
				"""))).isNotEmpty();
	}

	@Test
	void refusesACustomResourceWithAnUnknownFieldOrAWrongType() {
		String topic = """
				apiVersion: kafka.strimzi.io/v1
				kind: KafkaTopic
				metadata: { name: approval.events }
				spec: { partitions: %s }
				""";
		assertThat(validate(document(topic.formatted("6")))).isEmpty();
		assertThat(validate(document(topic.formatted("six")))).isNotEmpty();
		assertThat(validate(document(topic.formatted("6, replica: 3")))).isNotEmpty();
		assertThat(validate(document("""
				apiVersion: kafka.strimzi.io/v1
				kind: KafkaTopics
				metadata: { name: approval.events }
				"""))).isNotEmpty();
	}

	@Test
	void strictParsingOfCoreKindsIsWhatTheClientLibraryDoes() {
		assertThatException().isThrownBy(() -> Yaml.load("""
				apiVersion: v1
				kind: Service
				metadata: { name: approval }
				spec: { selectr: { app: approval } }
				"""));
	}

	/** Custom kinds through their CRD, core ones through client-java's strict parser. */
	static List<String> validate(Document document) {
		if (SCHEMAS.defines(document.apiVersion(), document.kind())) {
			return new ArrayList<>(SCHEMAS.validate(document.tree()));
		}
		Class<?> type = ModelMapper.getApiTypeClass(document.apiVersion(), document.kind());
		if (type == null || type == DynamicKubernetesObject.class) {
			return List.of("neither a core kind nor one of the CRDs: " + document.apiVersion() + " " + document.kind());
		}
		try {
			assertThat(Yaml.load(document.text())).isInstanceOf(type);
			return List.of();
		}
		catch (Exception ex) {
			return List.of(ex.toString());
		}
	}

	private static Document document(String text) {
		return new Document(text, new org.yaml.snakeyaml.Yaml().load(text));
	}

}
