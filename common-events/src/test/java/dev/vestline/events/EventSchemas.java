package dev.vestline.events;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;

/**
 * The JSON Schemas shipped in this jar, resolved from the classpath by their published
 * {@code $id} (so a {@code $ref} between them resolves the way it does on the web) with
 * {@code format} asserted, not merely annotated.
 */
public final class EventSchemas {

	/** The JSON Schema 2020-12 meta-schema. */
	public static final String DRAFT_2020_12 = "https://json-schema.org/draft/2020-12/schema";

	private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
			(registry) -> registry
				.schemaIdResolvers((ids) -> ids.mapPrefix(EventType.SCHEMA_BASE_URI, "classpath:schemas/"))
				.schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));

	private EventSchemas() {
	}

	/**
	 * @param type an event type
	 * @return its schema, loaded through its {@code dataschema} URI
	 */
	public static Schema of(EventType type) {
		return at(type.dataSchema().toString());
	}

	/**
	 * @param uri a schema's absolute URI ({@code $id})
	 * @return the schema
	 */
	public static Schema at(String uri) {
		return REGISTRY.getSchema(SchemaLocation.of(uri));
	}

}
