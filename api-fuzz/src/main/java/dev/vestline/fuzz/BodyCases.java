package dev.vestline.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The hostile JSON bodies of one operation: whole bodies that are no object or no JSON,
 * and, for each field of the baseline (nested ones too), the field missing, null, of the
 * wrong type, an absurd number, an overlong or odd string.
 */
final class BodyCases {

	/** Stands for a raw number literal Jackson cannot hold (1e400) until serialized. */
	private static final String RAW = "\u2063raw:";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	private final OpenApiDocument document;

	BodyCases(OpenApiDocument document) {
		this.document = document;
	}

	/** Each case as mutation and body. */
	Map<String, byte[]> cases(JsonNode schema, JsonNode baseline) {
		Map<String, byte[]> cases = new java.util.LinkedHashMap<>();
		cases.put("baseline body", bytes(baseline));
		Hostile.BODIES.forEach((body) -> cases.put("body = " + FuzzRequest.shorten(body, 20), utf8(body)));
		if (baseline instanceof ObjectNode object) {
			cases.put("unknown field", bytes(with(object, (copy) -> copy.put("unexpectedField", "surprise"))));
			cases.put("oversized body (" + Hostile.OVERSIZED_BODY + " bytes)",
					bytes(with(object, (copy) -> copy.put("padding", Hostile.text(Hostile.OVERSIZED_BODY)))));
			fields(object, "", this.document.schema(schema), "body",
					(path, mutation) -> cases.put(path, bytes(mutation)));
		}
		return cases;
	}

	private interface Sink {

		void accept(String mutation, JsonNode body);

	}

	/**
	 * Walks the fields of the object at {@code pointer} in the baseline (and of objects
	 * and first array elements within), giving each hostile variant of the whole body.
	 */
	private void fields(ObjectNode root, String pointer, JsonNode schema, String prefix, Sink sink) {
		JsonNode node = root.at(pointer);
		for (String name : List.copyOf(node.propertyNames())) {
			String path = prefix + "." + name;
			JsonNode fieldSchema = this.document.schema(schema.path("properties").path(name));
			for (Map.Entry<String, JsonNode> value : values(node.get(name), fieldSchema)) {
				sink.accept(path + " = " + value.getKey(),
						with(root, (copy) -> ((ObjectNode) copy.at(pointer)).set(name, value.getValue())));
			}
			sink.accept(path + " missing", with(root, (copy) -> ((ObjectNode) copy.at(pointer)).remove(name)));
			String child = pointer + "/" + name.replace("~", "~0").replace("/", "~1");
			if (node.get(name).isObject()) {
				fields(root, child, fieldSchema, path, sink);
			}
			else if (node.get(name).isArray() && !node.get(name).isEmpty() && node.get(name).get(0).isObject()) {
				fields(root, child + "/0", this.document.schema(fieldSchema.path("items")), path + "[0]", sink);
			}
		}
	}

	/** The hostile values for a field, by what it is. */
	private static List<Map.Entry<String, JsonNode>> values(JsonNode current, JsonNode schema) {
		List<Map.Entry<String, JsonNode>> values = new ArrayList<>();
		values.add(Map.entry("null", NODES.nullNode()));
		String type = SchemaTypes.type(schema);
		if (type.isEmpty()) {
			type = current.isNumber() ? "number" : current.isString() ? "string" : current.isObject() ? "object" : "";
		}
		switch (type) {
			case "integer", "number" -> {
				Hostile.NUMBERS.forEach((number) -> values.add(Map.entry(number, NODES.stringNode(RAW + number))));
				values.add(Map.entry("\"abc\" (wrong type)", NODES.stringNode("abc")));
				values.add(Map.entry("[] (wrong type)", NODES.arrayNode()));
			}
			case "string" -> {
				Hostile.LONG_STRINGS.forEach(
						(length) -> values.add(Map.entry(length + " chars", NODES.stringNode(Hostile.text(length)))));
				Hostile.ODD_STRINGS.forEach((odd) -> values
					.add(Map.entry("\"" + FuzzRequest.shorten(odd, 20) + "\"", NODES.stringNode(odd))));
				Hostile.NUMBERS.stream()
					.limit(1)
					.forEach((number) -> values
						.add(Map.entry(number + " (wrong type)", NODES.stringNode(RAW + number))));
				if (SchemaTypes.format(schema).equals("decimal")) {
					// amounts travel as decimal strings: the absurd numbers, as strings
					Hostile.NUMBERS
						.forEach((number) -> values.add(Map.entry("\"" + number + "\"", NODES.stringNode(number))));
				}
				values.add(Map.entry("{} (wrong type)", NODES.objectNode()));
			}
			case "boolean" -> {
				values.add(Map.entry("\"yes\" (wrong type)", NODES.stringNode("yes")));
				values.add(Map.entry("2 (wrong type)", NODES.numberNode(2)));
			}
			case "array" -> {
				values.add(Map.entry("[] (empty)", NODES.arrayNode()));
				values.add(Map.entry("{} (wrong type)", NODES.objectNode()));
				values.add(Map.entry("[null]", NODES.arrayNode().addNull()));
				values.add(Map.entry("10,000 elements", tenThousand(current)));
			}
			default -> {
				values.add(Map.entry("\"x\" (wrong type)", NODES.stringNode("x")));
				values.add(Map.entry("[] (wrong type)", NODES.arrayNode()));
			}
		}
		return values;
	}

	private static JsonNode tenThousand(JsonNode array) {
		ArrayNode many = NODES.arrayNode();
		JsonNode element = array.isEmpty() ? NODES.stringNode("x") : array.get(0);
		for (int i = 0; i < 10_000; i++) {
			many.add(element);
		}
		return many;
	}

	private static ObjectNode with(ObjectNode object, Consumer<ObjectNode> change) {
		ObjectNode copy = object.deepCopy();
		change.accept(copy);
		return copy;
	}

	static byte[] bytes(JsonNode body) {
		String text = JSON.writeValueAsString(body);
		// a raw literal was written as a string: unquote it
		text = text.replaceAll("\"\u2063raw:([^\"]*)\"", "$1");
		return utf8(text);
	}

	static byte[] utf8(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
