package dev.vestline.events;

import java.net.URI;
import java.util.Objects;

/**
 * How one event type travels: the Java record, its versioned CloudEvents type, the topic
 * it is published on, its producing source and its JSON Schema.
 *
 * @param javaType the record that carries the event's data
 * @param service the producing service, e.g. {@code approval}
 * @param name the event's name, past tense, e.g. {@code ApprovalGranted}
 * @param version the contract's major version; a breaking change is a new version
 */
public record EventType(Class<? extends DomainEvent> javaType, String service, String name, int version) {

	/** Where the JSON Schemas are published; the schema files ship in this jar too. */
	public static final String SCHEMA_BASE_URI = "https://vestline.dev/schemas/";

	public EventType {
		Objects.requireNonNull(javaType, "javaType");
		Objects.requireNonNull(service, "service");
		Objects.requireNonNull(name, "name");
		if (version < 1) {
			throw new IllegalArgumentException("version must be >= 1");
		}
	}

	/**
	 * Describes a version-1 event whose name is the record's simple name.
	 * @param javaType the record
	 * @param service the producing service
	 * @return the event type
	 */
	public static EventType v1(Class<? extends DomainEvent> javaType, String service) {
		return new EventType(javaType, service, javaType.getSimpleName(), 1);
	}

	/**
	 * @return the CloudEvents {@code type}, e.g.
	 * {@code dev.vestline.approval.ApprovalGranted.v1}
	 */
	public String ceType() {
		return "dev.vestline." + this.service + "." + this.name + ".v" + this.version;
	}

	/**
	 * @return the topic, {@code <service>.events}
	 */
	public String topic() {
		return this.service + ".events";
	}

	/**
	 * @return the CloudEvents {@code source}, e.g. {@code /vestline/approval}
	 */
	public URI source() {
		return URI.create("/vestline/" + this.service);
	}

	/**
	 * @return the classpath location of the JSON Schema shipped in this jar
	 */
	public String schemaResource() {
		return "schemas/" + this.service + "/" + this.name + ".v" + this.version + ".json";
	}

	/**
	 * @return the CloudEvents {@code dataschema}
	 */
	public URI dataSchema() {
		return URI.create(SCHEMA_BASE_URI + this.service + "/" + this.name + ".v" + this.version + ".json");
	}

}
