package dev.vestline.deploy;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import dev.vestline.deploy.Overlay.Document;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Network isolation in every overlay: nothing talks unless allowed; the services are
 * reached only by the ingress controller (their APIs, the signing page), the console
 * (their APIs) and Prometheus (metrics), and reach only PostgreSQL, Kafka, the identity
 * provider and DNS; the services that send mail also the mail relay and their bounce
 * mailbox. The console is reached only by the ingress controller and reaches only the
 * services' APIs, the identity provider, Kafka and DNS.
 */
class NetworkPoliciesTests {

	static final String DNS = "to namespace kube-system pods k8s-app=kube-dns port UDP/53";

	static final String DNS_TCP = "to namespace kube-system pods k8s-app=kube-dns port TCP/53";

	static final String POSTGRES = "to pods cnpg.io/cluster=vestline-db port TCP/5432";

	static final String KAFKA = "to pods strimzi.io/broker-role=true,strimzi.io/cluster=vestline-kafka port TCP/9093";

	@Test
	void everythingIsDeniedUnlessAllowed() {
		for (Overlay overlay : Rendered.overlays()) {
			assertThat(overlay.all("NetworkPolicy")
				.filter((policy) -> Selectors.selectsAll(Tree.map(policy.tree(), "spec", "podSelector")))
				.filter((policy) -> Tree.list(policy.tree(), "spec", "ingress").isEmpty()
						&& Tree.list(policy.tree(), "spec", "egress").isEmpty()))
				.as(overlay.name())
				.anySatisfy((policy) -> assertThat(Tree.list(policy.tree(), "spec", "policyTypes"))
					.containsExactlyInAnyOrder("Ingress", "Egress"));
		}
	}

	@Test
	void everyServiceIsCoveredByAPolicyOfItsOwn() {
		for (Overlay overlay : Rendered.overlays()) {
			for (Document deployment : overlay.all("Deployment").toList()) {
				assertThat(policiesOf(overlay, deployment)).as(deployment.name())
					.anySatisfy((policy) -> assertThat(Tree.list(policy.tree(), "spec", "ingress")).isNotEmpty());
			}
		}
	}

	@Test
	void onlyTheIngressControllerAndTheConsoleReachTheApisAndOnlyPrometheusTheMetrics() {
		for (Overlay overlay : Rendered.overlays()) {
			for (String service : Repository.SERVICES) {
				assertThat(rules(overlay, overlay.one("Deployment", service), "ingress", "from")).as(service)
					.containsExactlyInAnyOrder(
							"from namespace ingress-nginx pods app.kubernetes.io/name=ingress-nginx port TCP/"
									+ ServicePorts.of(service),
							"from pods app.kubernetes.io/name=" + Repository.CONSOLE + " port TCP/"
									+ ServicePorts.of(service),
							"from namespace monitoring pods app.kubernetes.io/name=prometheus port TCP/"
									+ ServicePorts.management(service));
			}
		}
	}

	@Test
	void onlyTheIngressControllerReachesTheConsole() {
		for (Overlay overlay : Rendered.overlays()) {
			assertThat(rules(overlay, overlay.one("Deployment", Repository.CONSOLE), "ingress", "from"))
				.as("its pages; no metrics, and probes come from the node")
				.containsExactly("from namespace ingress-nginx pods app.kubernetes.io/name=ingress-nginx port TCP/"
						+ ServicePorts.of(Repository.CONSOLE));
		}
	}

	@Test
	void theServicesReachOnlyPostgresKafkaTheIdentityProviderAndDnsAndOnlyTheMailingOnesTheMailServers() {
		for (Overlay overlay : Rendered.overlays()) {
			for (String service : Repository.SERVICES) {
				Document deployment = overlay.one("Deployment", service);
				Set<String> egress = rules(overlay, deployment, "egress", "to");
				boolean mails = Rendered.environment(deployment).containsKey("SMTP_HOST");
				assertThat(egress).as(deployment.name())
					.hasSize(mails ? 7 : 5)
					.contains(DNS, DNS_TCP, POSTGRES, KAFKA)
					.anySatisfy((rule) -> assertThat(rule).matches("to ip [\\d.]+/32 port TCP/443"));
				if (mails) {
					assertThat(egress).as("%s submits mail and reads its bounce mailbox over IMAPS", deployment.name())
						.anySatisfy((rule) -> assertThat(rule).matches("to ip [\\d.]+/32 port TCP/587"))
						.anySatisfy((rule) -> assertThat(rule).matches("to ip [\\d.]+/32 port TCP/993"));
				}
			}
		}
	}

	@Test
	void theConsoleReachesOnlyTheServicesApisTheIdentityProviderKafkaAndDns() {
		for (Overlay overlay : Rendered.overlays()) {
			Set<String> expected = new TreeSet<>(List.of(DNS, DNS_TCP, KAFKA, identityProvider(overlay)));
			for (String service : Repository.SERVICES) {
				expected.add("to pods app.kubernetes.io/name=" + service + " port TCP/" + ServicePorts.of(service));
			}
			assertThat(rules(overlay, overlay.one("Deployment", Repository.CONSOLE), "egress", "to"))
				.as("never PostgreSQL, a mail server or the services' management ports")
				.containsExactlyInAnyOrderElementsOf(expected);
		}
	}

	/** The identity provider's rule, as the services reach it. */
	private static String identityProvider(Overlay overlay) {
		return rules(overlay, overlay.one("Deployment", "approval"), "egress", "to").stream()
			.filter((rule) -> rule.endsWith(" port TCP/443") && rule.startsWith("to ip "))
			.findFirst()
			.orElseThrow();
	}

	@Test
	void postgresAdmitsTheServicesAndKafkaEveryWorkload() {
		for (Overlay overlay : Rendered.overlays()) {
			Document postgres = overlay.one("NetworkPolicy", "postgres");
			Document kafka = overlay.all("Kafka").findFirst().orElseThrow();
			List<Object> kafkaPeers = Tree.list(Tree.list(kafka.tree(), "spec", "kafka", "listeners").getFirst(),
					"networkPolicyPeers");
			for (String workload : Repository.WORKLOADS) {
				Map<String, Object> labels = Rendered.podLabels(overlay.one("Deployment", workload));
				boolean admitted = Tree.list(postgres.tree(), "spec", "ingress")
					.stream()
					.anyMatch((rule) -> Tree.list(rule, "ports").stream().anyMatch((port) -> {
						return Integer.valueOf(5432).equals(Tree.at(port, "port"));
					}) && Tree.list(rule, "from")
						.stream()
						.anyMatch((peer) -> Selectors.selects(Tree.map(peer, "podSelector"), labels)));
				assertThat(admitted).as("PostgreSQL admits %s", workload)
					.isEqualTo(Repository.SERVICES.contains(workload));
				assertThat(kafkaPeers).as(workload)
					.anySatisfy(
							(peer) -> assertThat(Selectors.selects(Tree.map(peer, "podSelector"), labels)).isTrue());
			}
		}
	}

	private static List<Document> policiesOf(Overlay overlay, Document deployment) {
		Map<String, Object> labels = Rendered.podLabels(deployment);
		return overlay.all("NetworkPolicy")
			.filter((policy) -> !Selectors.selectsAll(Tree.map(policy.tree(), "spec", "podSelector")))
			.filter((policy) -> Selectors.selects(Tree.map(policy.tree(), "spec", "podSelector"), labels))
			.toList();
	}

	/** Every peer and port the policies selecting the pod allow, one line each. */
	private static Set<String> rules(Overlay overlay, Document deployment, String direction, String peers) {
		Map<String, Object> labels = Rendered.podLabels(deployment);
		Set<String> rules = new TreeSet<>();
		for (Document policy : overlay.all("NetworkPolicy").toList()) {
			if (!Selectors.selects(Tree.map(policy.tree(), "spec", "podSelector"), labels)) {
				continue;
			}
			for (Object rule : Tree.list(policy.tree(), "spec", direction)) {
				List<Object> ports = Tree.list(rule, "ports");
				assertThat(ports).as(policy.name() + ": every rule names its ports").isNotEmpty();
				List<Object> from = Tree.list(rule, peers);
				assertThat(from).as(policy.name() + ": every rule names its peers").isNotEmpty();
				for (Object peer : from) {
					for (Object port : ports) {
						rules.add(peers + describe(peer) + " port " + Tree.string(port, "protocol") + "/"
								+ Tree.string(port, "port"));
					}
				}
			}
		}
		return rules;
	}

	private static String describe(Object peer) {
		StringBuilder description = new StringBuilder();
		if (Tree.at(peer, "ipBlock") != null) {
			description.append(" ip ").append(Tree.string(peer, "ipBlock", "cidr"));
			assertThat(Tree.list(peer, "ipBlock", "except")).isEmpty();
		}
		if (Tree.at(peer, "namespaceSelector") != null) {
			description.append(" namespace ")
				.append(Tree.string(peer, "namespaceSelector", "matchLabels", "kubernetes.io/metadata.name"));
			assertThat(Tree.map(peer, "namespaceSelector", "matchLabels")).hasSize(1);
		}
		if (Tree.at(peer, "podSelector") != null) {
			assertThat(Tree.list(peer, "podSelector", "matchExpressions")).isEmpty();
			description.append(" pods ")
				.append(String.join(",",
						Tree.map(peer, "podSelector", "matchLabels")
							.entrySet()
							.stream()
							.map((label) -> label.getKey() + "=" + label.getValue())
							.sorted()
							.toList()));
		}
		return description.toString();
	}

}
