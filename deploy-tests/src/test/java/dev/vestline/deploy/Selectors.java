package dev.vestline.deploy;

import java.util.List;
import java.util.Map;

/**
 * Whether a label selector ({@code matchLabels} and {@code matchExpressions}) selects a
 * set of labels, as the API server decides.
 */
final class Selectors {

	private Selectors() {
	}

	static boolean selects(Map<String, Object> selector, Map<String, Object> labels) {
		for (Map.Entry<String, Object> label : Tree.map(selector, "matchLabels").entrySet()) {
			if (!String.valueOf(label.getValue()).equals(String.valueOf(labels.get(label.getKey())))) {
				return false;
			}
		}
		for (Object expression : Tree.list(selector, "matchExpressions")) {
			String key = Tree.string(expression, "key");
			List<Object> values = Tree.list(expression, "values");
			boolean matches = switch (Tree.string(expression, "operator")) {
				case "In" -> labels.containsKey(key) && values.contains(labels.get(key));
				case "NotIn" -> !labels.containsKey(key) || !values.contains(labels.get(key));
				case "Exists" -> labels.containsKey(key);
				case "DoesNotExist" -> !labels.containsKey(key);
				default -> throw new IllegalArgumentException("Unknown operator in " + expression);
			};
			if (!matches) {
				return false;
			}
		}
		return true;
	}

	/** Whether the selector is empty: it selects every pod. */
	static boolean selectsAll(Map<String, Object> selector) {
		return Tree.map(selector, "matchLabels").isEmpty() && Tree.list(selector, "matchExpressions").isEmpty();
	}

}
