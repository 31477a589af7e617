package dev.vestline.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The {@code openAPIV3Schema} of every CustomResourceDefinition in
 * {@code ../shared/k8s-schemas}, by {@code apiVersion} and kind, made as strict as the
 * API server with field validation: an object that declares its properties takes no
 * others (the server would prune them silently) unless the schema preserves unknown
 * fields.
 */
final class CrdSchemas {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4);

	private final Map<String, Schema> schemas;

	private CrdSchemas(Map<String, Schema> schemas) {
		this.schemas = schemas;
	}

	static CrdSchemas load() {
		Map<String, Schema> schemas = new HashMap<>();
		try (Stream<Path> files = Files.walk(Repository.CRD_SCHEMAS)) {
			for (Path file : files.filter((path) -> path.toString().endsWith(".yaml")).toList()) {
				for (Object document : new Yaml().loadAll(Files.readString(file))) {
					register(Tree.map(document), schemas);
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("The CRD schemas are read from " + Repository.CRD_SCHEMAS
					+ " (the shared data cloned beside the repository)", ex);
		}
		return new CrdSchemas(schemas);
	}

	private static void register(Map<String, Object> crd, Map<String, Schema> schemas) {
		if (!"CustomResourceDefinition".equals(Tree.string(crd, "kind"))) {
			return;
		}
		String group = Tree.string(crd, "spec", "group");
		String kind = Tree.string(crd, "spec", "names", "kind");
		for (Object version : Tree.list(crd, "spec", "versions")) {
			JsonNode schema = JSON.valueToTree(Tree.map(version, "schema", "openAPIV3Schema"));
			strict(schema);
			schemas.put(group + "/" + Tree.string(version, "name") + "/" + kind, REGISTRY.getSchema(schema));
		}
	}

	/** Refuses undeclared properties wherever the server would prune them. */
	private static void strict(JsonNode node) {
		if (node instanceof ObjectNode object) {
			if (object.has("properties") && !object.has("additionalProperties")
					&& !object.path("x-kubernetes-preserve-unknown-fields").asBoolean(false)) {
				object.put("additionalProperties", false);
			}
			object.values().forEach(CrdSchemas::strict);
		}
		else if (node != null && node.isArray()) {
			node.values().forEach(CrdSchemas::strict);
		}
	}

	/** Whether a CRD defines that {@code apiVersion} and kind. */
	boolean defines(String apiVersion, String kind) {
		return this.schemas.containsKey(apiVersion + "/" + kind);
	}

	/**
	 * @return the schema's complaints about the resource, empty when it is valid
	 */
	List<String> validate(Map<String, Object> resource) {
		String apiVersion = Tree.string(resource, "apiVersion");
		String kind = Tree.string(resource, "kind");
		return Optional.ofNullable(this.schemas.get(apiVersion + "/" + kind))
			.map((schema) -> schema.validate(JSON.valueToTree(resource)).stream().map(Error::toString).toList())
			.orElse(List.of("no CRD in " + Repository.CRD_SCHEMAS + " defines " + apiVersion + " " + kind));
	}

}
