package dev.vestline.fuzz;

import tools.jackson.databind.JsonNode;

/**
 * Reads a schema's type the same way for OpenAPI 3.0 and 3.1
 * ({@code type: [string, "null"]}).
 */
final class SchemaTypes {

	private SchemaTypes() {
	}

	/**
	 * @param schema a resolved schema
	 * @return its first type other than {@code null}; {@code object} for a schema with
	 * properties and no type; {@code ""} when it says nothing
	 */
	static String type(JsonNode schema) {
		JsonNode type = schema.path("type");
		if (type.isArray()) {
			for (JsonNode each : type) {
				if (!"null".equals(each.asString())) {
					return each.asString();
				}
			}
			return "null";
		}
		if (type.isString()) {
			return type.asString();
		}
		if (schema.has("properties")) {
			return "object";
		}
		return schema.has("items") ? "array" : "";
	}

	static String format(JsonNode schema) {
		return schema.path("format").asString("");
	}

}
