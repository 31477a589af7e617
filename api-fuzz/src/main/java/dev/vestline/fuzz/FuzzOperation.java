package dev.vestline.fuzz;

import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/**
 * One operation of the document.
 *
 * @param method the HTTP method, upper case
 * @param path the path template, e.g. {@code /api/v1/deals/{id}}
 * @param parameters its path, query and header parameters
 * @param bodies the request body's schema by content type, empty for no body
 * @param bodyRequired whether the body is required
 */
record FuzzOperation(String method, String path, List<Parameter> parameters, Map<String, JsonNode> bodies,
		boolean bodyRequired) {

	String name() {
		return this.method + " " + this.path;
	}

	List<Parameter> in(String location) {
		return this.parameters.stream().filter((parameter) -> parameter.in().equals(location)).toList();
	}

	/**
	 * A parameter.
	 *
	 * @param name its name
	 * @param in {@code path}, {@code query}, {@code header} or {@code cookie}
	 * @param required whether it must be given
	 * @param schema its schema, resolved
	 */
	record Parameter(String name, String in, boolean required, JsonNode schema) {

	}

}
