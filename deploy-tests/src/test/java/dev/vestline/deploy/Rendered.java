package dev.vestline.deploy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.vestline.deploy.Overlay.Document;

/**
 * Each overlay rendered once per test run, and what the tests read from a Deployment.
 */
final class Rendered {

	private static final Map<String, Overlay> OVERLAYS = new ConcurrentHashMap<>();

	private Rendered() {
	}

	static List<Overlay> overlays() {
		return Overlay.ALL.stream().map((name) -> OVERLAYS.computeIfAbsent(name, Overlay::render)).toList();
	}

	static Map<String, Object> podSpec(Document deployment) {
		return Tree.map(deployment.tree(), "spec", "template", "spec");
	}

	static Map<String, Object> podLabels(Document deployment) {
		return Tree.map(deployment.tree(), "spec", "template", "metadata", "labels");
	}

	static List<Object> containers(Document deployment) {
		return Tree.list(podSpec(deployment), "containers");
	}

	/** The one container of a service's pod. */
	static Map<String, Object> container(Document deployment) {
		return Tree.map(containers(deployment).getFirst());
	}

	/**
	 * The container's environment: name to value, or to "secret:name/key" or
	 * "configMap:name/key".
	 */
	static Map<String, String> environment(Document deployment) {
		Map<String, String> environment = new LinkedHashMap<>();
		for (Object variable : Tree.list(container(deployment), "env")) {
			String value = Tree.string(variable, "value");
			if (value == null) {
				Map<String, Object> from = Tree.map(variable, "valueFrom");
				String source = from.containsKey("secretKeyRef") ? "secretKeyRef" : "configMapKeyRef";
				value = source.replace("KeyRef", "") + ":" + Tree.string(from, source, "name") + "/"
						+ Tree.string(from, source, "key");
			}
			environment.put(Tree.string(variable, "name"), value);
		}
		return environment;
	}

}
