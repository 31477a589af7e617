package dev.vestline.fuzz;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The operations of an OpenAPI 3.0 or 3.1 document (as springdoc serves it), with
 * {@code $ref}s and {@code allOf}s resolved as far as generating requests needs.
 */
final class OpenApiDocument {

	private static final Set<String> METHODS = Set.of("get", "put", "post", "patch", "delete");

	private final JsonNode root;

	OpenApiDocument(JsonNode root) {
		this.root = root;
	}

	List<FuzzOperation> operations() {
		List<FuzzOperation> operations = new ArrayList<>();
		for (Map.Entry<String, JsonNode> path : this.root.path("paths").properties()) {
			List<JsonNode> shared = new ArrayList<>();
			path.getValue().path("parameters").forEach(shared::add);
			for (Map.Entry<String, JsonNode> entry : path.getValue().properties()) {
				if (METHODS.contains(entry.getKey())) {
					operations.add(operation(entry.getKey().toUpperCase(java.util.Locale.ROOT), path.getKey(), shared,
							entry.getValue()));
				}
			}
		}
		return operations;
	}

	private FuzzOperation operation(String method, String path, List<JsonNode> shared, JsonNode operation) {
		List<FuzzOperation.Parameter> parameters = new ArrayList<>();
		List<JsonNode> all = new ArrayList<>(shared);
		operation.path("parameters").forEach(all::add);
		for (JsonNode parameter : all) {
			JsonNode resolved = resolve(parameter);
			parameters.add(new FuzzOperation.Parameter(resolved.path("name").asString(), resolved.path("in").asString(),
					resolved.path("required").asBoolean(false), schema(resolved.path("schema"))));
		}
		Map<String, JsonNode> bodies = new LinkedHashMap<>();
		JsonNode requestBody = resolve(operation.path("requestBody"));
		for (Map.Entry<String, JsonNode> content : requestBody.path("content").properties()) {
			bodies.put(content.getKey(), schema(content.getValue().path("schema")));
		}
		return new FuzzOperation(method, path, parameters, bodies, requestBody.path("required").asBoolean(false));
	}

	/**
	 * A schema with references followed and {@code allOf} parts merged, one level deep.
	 */
	JsonNode schema(JsonNode schema) {
		JsonNode resolved = resolve(schema);
		if (resolved.has("allOf")) {
			ObjectNode merged = JsonNodeFactory.instance.objectNode();
			ObjectNode properties = merged.putObject("properties");
			var required = merged.putArray("required");
			merged.put("type", "object");
			for (JsonNode part : resolved.path("allOf")) {
				JsonNode partSchema = schema(part);
				partSchema.path("properties").properties().forEach((p) -> properties.set(p.getKey(), p.getValue()));
				partSchema.path("required").forEach(required::add);
			}
			return merged;
		}
		for (String choice : List.of("oneOf", "anyOf")) {
			for (JsonNode option : resolved.path(choice)) {
				JsonNode optionSchema = schema(option);
				if (!"null".equals(SchemaTypes.type(optionSchema))) {
					return optionSchema;
				}
			}
		}
		return resolved;
	}

	private JsonNode resolve(JsonNode node) {
		JsonNode current = node;
		for (int hops = 0; current.has("$ref") && hops < 20; hops++) {
			String reference = current.path("$ref").asString();
			current = this.root.at(reference.substring(1));
		}
		return current;
	}

}
