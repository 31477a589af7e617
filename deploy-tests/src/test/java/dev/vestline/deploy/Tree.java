package dev.vestline.deploy;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Reading parsed YAML: nested maps and lists by path, as the manifests are written.
 */
final class Tree {

	private Tree() {
	}

	/** The value at a path of keys ({@code "spec", "template", ...}), or null. */
	static Object at(Object node, String... path) {
		Object current = node;
		for (String key : path) {
			if (!(current instanceof Map<?, ?> map)) {
				return null;
			}
			current = map.get(key);
		}
		return current;
	}

	static Map<String, Object> map(Object node, String... path) {
		Object value = at(node, path);
		return (value != null) ? cast(value) : Map.of();
	}

	static List<Object> list(Object node, String... path) {
		Object value = at(node, path);
		return (value != null) ? cast(value) : List.of();
	}

	static String string(Object node, String... path) {
		return Objects.toString(at(node, path), null);
	}

	@SuppressWarnings("unchecked")
	private static <T> T cast(Object value) {
		return (T) value;
	}

}
