package dev.vestline.deploy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;

import dev.vestline.deploy.Overlay.Document;
import io.kubernetes.client.custom.Quantity;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The services' and the console's pods in every overlay: restricted Pod Security,
 * requests and limits, probes on the actuator groups, pinned images, a heap that leaves
 * the JVM room, a grace period longer than the shutdown, spread over nodes, covered by a
 * PDB, and given every setting their prod profile reads.
 */
class WorkloadPoliciesTests {

	@Test
	void theNamespaceEnforcesTheRestrictedPodSecurityStandard() {
		for (Overlay overlay : Rendered.overlays()) {
			assertThat(overlay.all("Namespace")).singleElement()
				.satisfies((namespace) -> assertThat(Tree.map(namespace.tree(), "metadata", "labels"))
					.containsEntry("pod-security.kubernetes.io/enforce", "restricted"));
		}
	}

	@Test
	void everyContainerRunsAsNonRootReadOnlyWithoutCapabilitiesOrEscalation() {
		forEachDeployment((overlay, deployment) -> {
			Map<String, Object> pod = Rendered.podSpec(deployment);
			assertThat(Tree.at(pod, "securityContext", "runAsNonRoot")).as(deployment.name()).isEqualTo(true);
			assertThat((Integer) Tree.at(pod, "securityContext", "runAsUser")).as(deployment.name()).isPositive();
			assertThat(Tree.string(pod, "securityContext", "seccompProfile", "type")).isEqualTo("RuntimeDefault");
			for (Object container : Rendered.containers(deployment)) {
				Map<String, Object> security = Tree.map(container, "securityContext");
				assertThat(security.get("allowPrivilegeEscalation")).as(deployment.name()).isEqualTo(false);
				assertThat(security.get("readOnlyRootFilesystem")).as(deployment.name()).isEqualTo(true);
				assertThat(security.get("runAsNonRoot")).as(deployment.name()).isEqualTo(true);
				assertThat(Tree.list(security, "capabilities", "drop")).containsExactly("ALL");
				assertThat(Tree.list(security, "capabilities", "add")).isEmpty();
				assertThat(Tree.string(security, "seccompProfile", "type")).isEqualTo("RuntimeDefault");
				String tmp = Tree.list(container, "volumeMounts")
					.stream()
					.filter((mount) -> "/tmp".equals(Tree.string(mount, "mountPath")))
					.map((mount) -> Tree.string(mount, "name"))
					.findFirst()
					.orElseThrow(() -> new AssertionError(deployment.name() + " mounts nothing writable on /tmp"));
				assertThat(Tree.list(pod, "volumes"))
					.anySatisfy((volume) -> assertThat(Tree.string(volume, "name")).isEqualTo(tmp))
					.filteredOn((volume) -> tmp.equals(Tree.string(volume, "name")))
					.allSatisfy((volume) -> assertThat(Tree.map(volume)).containsKey("emptyDir"));
			}
		});
	}

	@Test
	void everyContainerHasRequestsLimitsAndProbesOnTheActuatorGroups() {
		forEachDeployment((overlay, deployment) -> {
			String service = deployment.name();
			for (Object container : Rendered.containers(deployment)) {
				Map<String, Object> resources = Tree.map(container, "resources");
				assertThat(Tree.map(resources, "requests")).as(service).containsKeys("cpu", "memory");
				assertThat(Tree.map(resources, "limits")).as(service).containsKey("memory");
				// the JVM's footprint does not shrink: a memory limit above the request
				// only
				// invites the OOM killer on a busy node
				assertThat(Tree.string(resources, "limits", "memory"))
					.isEqualTo(Tree.string(resources, "requests", "memory"));
				String management = managementPortName(container, ServicePorts.management(service));
				assertThat(Tree.string(container, "startupProbe", "httpGet", "path"))
					.isEqualTo("/actuator/health/liveness");
				assertThat(Tree.string(container, "livenessProbe", "httpGet", "path"))
					.isEqualTo("/actuator/health/liveness");
				assertThat(Tree.string(container, "readinessProbe", "httpGet", "path"))
					.isEqualTo("/actuator/health/readiness");
				for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
					assertThat(Tree.string(container, probe, "httpGet", "port")).as(service + " " + probe)
						.isEqualTo(management);
				}
			}
		});
	}

	@Test
	void noImageIsLatestOrUntagged() {
		for (Overlay overlay : Rendered.overlays()) {
			List<String> images = overlay.documents()
				.stream()
				.flatMap((document) -> images(document.tree()).stream())
				.toList();
			assertThat(images).as(overlay.name())
				.isNotEmpty()
				.allSatisfy((image) -> assertThat(image).matches("[^:@]+(:[\\w.-]+|@sha256:[0-9a-f]{64})")
					.doesNotEndWith(":latest"));
		}
	}

	@Test
	void theProductionOverlayRunsReleasedImages() {
		Overlay prod = Rendered.overlays()
			.stream()
			.filter((overlay) -> overlay.name().endsWith("prod"))
			.findFirst()
			.orElseThrow();
		prod.all("Deployment")
			.forEach((deployment) -> assertThat(Tree.string(Rendered.container(deployment), "image"))
				.doesNotContain("SNAPSHOT"));
	}

	@Test
	void theHeapLeavesTheJvmRoomInsideTheMemoryLimit() {
		forEachDeployment((overlay, deployment) -> {
			Map<String, Object> container = Rendered.container(deployment);
			long limit = new Quantity(Tree.string(container, "resources", "limits", "memory")).getNumber().longValue();
			int percentage = JvmOptions.maxRamPercentage(Rendered.environment(deployment).get("JAVA_TOOL_OPTIONS"));
			assertThat(percentage).as(deployment.name()).isBetween(50, 65);
			// metaspace, code cache, direct buffers, threads and GC structures need ~400
			// MiB
			assertThat(limit * (100 - percentage) / 100).as(deployment.name()).isGreaterThanOrEqualTo(400L << 20);
		});
	}

	@Test
	void theGracePeriodOutlastsTheDrainTheListenersAndTheRelay() {
		forEachDeployment((overlay, deployment) -> {
			String service = deployment.name();
			Duration phase = Duration.parse(
					"PT" + Tree
						.string(Repository.applicationYaml(service, "prod"), "spring", "lifecycle",
								"timeout-per-shutdown-phase")
						.toUpperCase());
			int preStop = (Integer) Tree.at(Rendered.container(deployment), "lifecycle", "preStop", "sleep", "seconds");
			// OutboxRelay.stop joins its thread for 10 s, then closes the producer (10
			// s);
			// the console has no outbox
			Duration relay = Repository.SERVICES.contains(service) ? Duration.ofSeconds(20) : Duration.ZERO;
			Duration shutdown = Duration.ofSeconds(preStop).plus(phase.multipliedBy(2)).plus(relay);
			assertThat((Integer) Rendered.podSpec(deployment).get("terminationGracePeriodSeconds")).as(service)
				.isGreaterThan((int) shutdown.toSeconds());
		});
	}

	@Test
	void everyServiceSpreadsOverNodesAndKeepsOneReplicaThroughDisruptions() {
		for (Overlay overlay : Rendered.overlays()) {
			for (Document deployment : overlay.all("Deployment").toList()) {
				Map<String, Object> labels = Rendered.podLabels(deployment);
				assertThat(Tree.list(Rendered.podSpec(deployment), "topologySpreadConstraints"))
					.anySatisfy((constraint) -> {
						assertThat(Tree.string(constraint, "topologyKey")).isEqualTo("kubernetes.io/hostname");
						assertThat(Selectors.selects(Tree.map(constraint, "labelSelector"), labels)).isTrue();
					});
				assertThat(overlay.all("PodDisruptionBudget")
					.filter((pdb) -> Selectors.selects(Tree.map(pdb.tree(), "spec", "selector"), labels)))
					.as(deployment.name())
					.singleElement()
					.satisfies((pdb) -> assertThat(Tree.at(pdb.tree(), "spec", "minAvailable")).isEqualTo(1));
			}
		}
	}

	@Test
	void theOperatorsWorkloadsAreCoveredByDisruptionBudgetsAndNetworkPolicies() {
		for (Overlay overlay : Rendered.overlays()) {
			for (Document pooler : overlay.all("Pooler").toList()) {
				Map<String, Object> labels = Map.of("cnpg.io/poolerName", pooler.name());
				assertThat(overlay.all("PodDisruptionBudget"))
					.anySatisfy((pdb) -> assertThat(Selectors.selects(Tree.map(pdb.tree(), "spec", "selector"), labels))
						.isTrue());
				assertThat(ownPolicies(overlay, labels)).as(pooler.name()).isNotEmpty();
			}
			for (Document cluster : overlay.all("Cluster").toList()) {
				// CloudNativePG makes the instances' budgets unless told not to
				assertThat(Tree.at(cluster.tree(), "spec", "enablePDB")).isNotEqualTo(false);
				assertThat(ownPolicies(overlay, Map.of("cnpg.io/cluster", cluster.name()))).as(cluster.name())
					.isNotEmpty();
			}
			for (Document kafka : overlay.all("Kafka").toList()) {
				assertThat(Tree.at(kafka.tree(), "spec", "kafka", "template", "podDisruptionBudget", "maxUnavailable"))
					.isEqualTo(1);
				assertThat(ownPolicies(overlay, Map.of("strimzi.io/cluster", kafka.name()))).as(kafka.name())
					.isNotEmpty();
			}
		}
	}

	private static List<Document> ownPolicies(Overlay overlay, Map<String, Object> labels) {
		return overlay.all("NetworkPolicy")
			.filter((policy) -> !Selectors.selectsAll(Tree.map(policy.tree(), "spec", "podSelector")))
			.filter((policy) -> Selectors.selects(Tree.map(policy.tree(), "spec", "podSelector"), labels))
			.toList();
	}

	@Test
	void everyServiceGetsEverySettingItsProdProfileRequiresUnderTheNamesItReads() {
		forEachDeployment((overlay, deployment) -> {
			String service = deployment.name();
			Map<String, String> placeholders = Placeholders
				.in(Repository.read(Repository.resource(service, "application-prod.yml")));
			Map<String, String> environment = Rendered.environment(deployment);
			Set<String> required = placeholders.entrySet()
				.stream()
				.filter((placeholder) -> placeholder.getValue() == null)
				.map(Map.Entry::getKey)
				.collect(Collectors.toSet());
			assertThat(environment).as(service).containsKeys(required.toArray(String[]::new));
			// and nothing the service would not read: a misspelt name is a setting lost
			environment.keySet()
				.stream()
				.filter((name) -> !name.startsWith("SPRING_") && !name.equals("JAVA_TOOL_OPTIONS")
						&& !name.equals("SERVER_PORT"))
				.forEach((name) -> assertThat(placeholders).as(service).containsKey(name));
			assertThat(environment).containsEntry("SPRING_PROFILES_ACTIVE", "prod")
				.containsEntry("SERVER_PORT", String.valueOf(ServicePorts.of(service)));
		});
	}

	private static String managementPortName(Object container, int port) {
		return Tree.list(container, "ports")
			.stream()
			.filter((candidate) -> Integer.valueOf(port).equals(Tree.at(candidate, "containerPort")))
			.map((candidate) -> Tree.string(candidate, "name"))
			.findFirst()
			.orElseThrow(() -> new AssertionError("No container port " + port + " (management.server.port)"));
	}

	/** The images of a resource: its containers', or a CloudNativePG cluster's. */
	private static List<String> images(Map<String, Object> resource) {
		if ("Cluster".equals(Tree.string(resource, "kind"))) {
			return List.of(Tree.string(resource, "spec", "imageName"));
		}
		return Tree.list(resource, "spec", "template", "spec", "containers")
			.stream()
			.map((container) -> Tree.string(container, "image"))
			.toList();
	}

	private static void forEachDeployment(BiConsumer<Overlay, Document> check) {
		for (Overlay overlay : Rendered.overlays()) {
			List<Document> deployments = overlay.all("Deployment").toList();
			assertThat(deployments.stream().map(Document::name)).as(overlay.name())
				.containsExactlyInAnyOrderElementsOf(Repository.WORKLOADS);
			deployments.forEach((deployment) -> check.accept(overlay, deployment));
		}
	}

}
