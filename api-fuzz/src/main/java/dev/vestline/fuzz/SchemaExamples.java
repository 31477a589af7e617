package dev.vestline.fuzz;

import java.math.BigDecimal;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A plausible, deterministic value for a schema: the baseline that each mutation changes
 * in one place, so that a refusal is about that place and not about the rest.
 */
final class SchemaExamples {

	/** The UUID in every generated body and path: random would make runs differ. */
	static final String UUID = "00000000-0000-4000-8000-00000000f022";

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	private static final int DEPTH = 6;

	private final OpenApiDocument document;

	SchemaExamples(OpenApiDocument document) {
		this.document = document;
	}

	JsonNode example(JsonNode schema) {
		return example(schema, "");
	}

	JsonNode example(JsonNode schema, String name) {
		return example(this.document.schema(schema), name, 0);
	}

	private JsonNode example(JsonNode schema, String name, int depth) {
		if (schema.has("example")) {
			return schema.get("example");
		}
		if (schema.path("examples").isArray() && !schema.path("examples").isEmpty()) {
			return schema.path("examples").get(0);
		}
		if (schema.path("enum").isArray() && !schema.path("enum").isEmpty()) {
			return schema.path("enum").get(0);
		}
		return switch (SchemaTypes.type(schema)) {
			case "object" -> object(schema, depth);
			case "array" -> (depth > DEPTH) ? NODES.arrayNode()
					: NODES.arrayNode().add(example(this.document.schema(schema.path("items")), name, depth + 1));
			case "integer" -> NODES.numberNode(schema.path("minimum").asLong(1));
			case "number" -> NODES.numberNode(new BigDecimal("100.00"));
			case "boolean" -> NODES.booleanNode(true);
			case "string" -> NODES.stringNode(string(schema, name));
			default -> NODES.stringNode("x");
		};
	}

	private JsonNode object(JsonNode schema, int depth) {
		ObjectNode object = NODES.objectNode();
		if (depth > DEPTH) {
			return object;
		}
		for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
			JsonNode propertySchema = this.document.schema(property.getValue());
			if (!propertySchema.path("readOnly").asBoolean(false)) {
				object.set(property.getKey(), example(propertySchema, property.getKey(), depth + 1));
			}
		}
		return object;
	}

	private static String string(JsonNode schema, String name) {
		String lower = name.toLowerCase(java.util.Locale.ROOT);
		return switch (SchemaTypes.format(schema)) {
			case "uuid" -> UUID;
			case "date" -> "2026-01-31";
			case "date-time" -> "2026-01-31T10:00:00Z";
			case "email" -> "fuzz@example.com";
			case "uri", "url" -> "https://example.com/fuzz";
			default -> lower.contains("currency") ? "EUR"
					: lower.contains("amount") || lower.contains("price") ? "100.00" : "fuzz-" + name;
		};
	}

}
