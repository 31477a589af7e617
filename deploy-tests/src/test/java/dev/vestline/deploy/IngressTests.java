package dev.vestline.deploy;

import java.util.List;
import java.util.Map;

import dev.vestline.deploy.Overlay.Document;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The production overlay's way in: every API and the console behind TLS at the ingress
 * controller; the console, whose sessions live in one replica's memory, sticky to that
 * replica whenever it runs more than one; the APIs, which keep no session, not sticky.
 */
class IngressTests {

	static final String AFFINITY = "nginx.ingress.kubernetes.io/affinity";

	@Test
	void theIngressRoutesTheConsolesHostToTheConsoleAloneOverTls() {
		Overlay prod = prod();
		List<Document> consoles = ingressesTo(prod, Repository.CONSOLE);
		assertThat(consoles).singleElement().satisfies((ingress) -> {
			assertThat(backends(ingress)).as("an Ingress of its own").containsOnly(Repository.CONSOLE);
			List<Object> rules = Tree.list(ingress.tree(), "spec", "rules");
			assertThat(rules).singleElement().satisfies((rule) -> {
				assertThat(Tree.list(ingress.tree(), "spec", "tls"))
					.anySatisfy((tls) -> assertThat(Tree.list(tls, "hosts")).contains(Tree.string(rule, "host")));
				assertThat(Tree.list(rule, "http", "paths")).singleElement().satisfies((path) -> {
					assertThat(Tree.string(path, "path")).isEqualTo("/");
					assertThat(Tree.string(path, "backend", "service", "port", "name")).isEqualTo("http");
				});
			});
		});
		assertThat(Tree.list(prod.one("Service", Repository.CONSOLE).tree(), "spec", "ports"))
			.anySatisfy((port) -> assertThat(Tree.string(port, "name")).isEqualTo("http"));
	}

	@Test
	void aConsoleOfSeveralReplicasKeepsEachPersonOnTheReplicaThatHoldsTheirSession() {
		Overlay prod = prod();
		int replicas = (Integer) Tree.at(prod.one("Deployment", Repository.CONSOLE).tree(), "spec", "replicas");
		assertThat(replicas).as("two, so a drain or a rollout never takes the console away").isGreaterThan(1);
		assertThat(ingressesTo(prod, Repository.CONSOLE)).singleElement().satisfies((ingress) -> {
			Map<String, Object> annotations = Tree.map(ingress.tree(), "metadata", "annotations");
			assertThat(annotations).containsEntry(AFFINITY, "cookie")
				// a new replica takes no existing session over
				.containsEntry("nginx.ingress.kubernetes.io/affinity-mode", "persistent")
				.containsEntry("nginx.ingress.kubernetes.io/session-cookie-secure", "true")
				.containsKey("nginx.ingress.kubernetes.io/session-cookie-name");
			assertThat(String.valueOf(annotations.get("nginx.ingress.kubernetes.io/session-cookie-name")))
				.as("not the console's own session cookie")
				.isNotEqualTo(Tree.string(Repository.applicationYaml(Repository.CONSOLE, null), "server", "servlet",
						"session", "cookie", "name"));
		});
	}

	@Test
	void theApisAreReachedWithoutStickiness() {
		Overlay prod = prod();
		for (String service : Repository.SERVICES) {
			assertThat(ingressesTo(prod, service)).as(service)
				.isNotEmpty()
				.allSatisfy((ingress) -> assertThat(Tree.map(ingress.tree(), "metadata", "annotations"))
					.doesNotContainKey(AFFINITY))
				.allSatisfy((ingress) -> assertThat(backends(ingress)).doesNotContain(Repository.CONSOLE));
		}
	}

	private static Overlay prod() {
		return Rendered.overlays()
			.stream()
			.filter((overlay) -> overlay.name().endsWith("prod"))
			.findFirst()
			.orElseThrow();
	}

	private static List<Document> ingressesTo(Overlay overlay, String service) {
		return overlay.all("Ingress").filter((ingress) -> backends(ingress).contains(service)).toList();
	}

	private static List<String> backends(Document ingress) {
		return Tree.list(ingress.tree(), "spec", "rules")
			.stream()
			.flatMap((rule) -> Tree.list(rule, "http", "paths").stream())
			.map((path) -> Tree.string(path, "backend", "service", "name"))
			.distinct()
			.toList();
	}

}
