package dev.vestline.events;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import dev.vestline.events.approval.ApprovalEvent;
import dev.vestline.events.billing.BillingEvent;
import dev.vestline.events.billing.FeeAccrued;
import dev.vestline.events.billing.FeeCancelled;
import dev.vestline.events.billing.InvoiceIssued;
import dev.vestline.events.billing.InvoicePaid;
import dev.vestline.events.billing.InvoiceVoided;
import dev.vestline.events.billing.PaymentRecorded;
import dev.vestline.events.billing.PaymentReversed;
import dev.vestline.events.reconciliation.BankTransactionImported;
import dev.vestline.events.reconciliation.InvoicePaymentReceived;
import dev.vestline.events.reconciliation.InvoicePaymentReversed;
import dev.vestline.events.reconciliation.MatchAccepted;
import dev.vestline.events.reconciliation.MatchReversed;
import dev.vestline.events.reconciliation.PositionUpdated;
import dev.vestline.events.reconciliation.ReconciliationEvent;
import dev.vestline.events.reconciliation.SubscriptionFunded;
import dev.vestline.events.signature.SignatureEvent;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * Every v1 event type: its record, its golden payload and its JSON Schema agree, so any
 * change to a contract shows up as a diff in a golden file or a schema.
 */
class EventContractsTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** The topic each sealed interface publishes on. */
	private static final Map<Class<?>, String> TOPICS = Map.of(ApprovalEvent.class, Topics.APPROVAL,
			SignatureEvent.class, Topics.SIGNATURE, BillingEvent.class, Topics.BILLING, ReconciliationEvent.class,
			Topics.RECONCILIATION);

	static Stream<Named<EventType>> v1() {
		return EventCatalog.v1()
			.all()
			.stream()
			.sorted(Comparator.comparing(EventType::ceType))
			.map((type) -> Named.of(type.ceType(), type));
	}

	@ParameterizedTest
	@MethodSource("v1")
	void goldenFileRoundTripsUnchanged(EventType type) {
		byte[] golden = GoldenFiles.read(type);
		byte[] written = EventJson.write(EventJson.read(golden, type.javaType()));
		assertThat(tree(written)).isEqualTo(tree(golden));
		assertThat(pretty(written)).as("written text, property order included").isEqualTo(pretty(golden));
		assertThat(tree(written).propertyNames()).doesNotContain("aggregateId");
	}

	@ParameterizedTest
	@MethodSource("v1")
	void goldenFileConformsToSchema(EventType type) {
		assertThat(EventSchemas.of(type).validate(tree(GoldenFiles.read(type)))).isEmpty();
	}

	@ParameterizedTest
	@MethodSource("v1")
	void schemaIsValidJsonSchema(EventType type) {
		JsonNode schema = schemaNode(type);
		assertThat(EventSchemas.at(EventSchemas.DRAFT_2020_12).validate(schema)).isEmpty();
		assertThat(schema.path("$schema").asString()).isEqualTo(EventSchemas.DRAFT_2020_12);
		assertThat(schema.path("$id").asString()).isEqualTo(type.dataSchema().toString());
		assertThat(schema.path("additionalProperties").asBoolean()).as("consumers ignore unknown fields").isTrue();
	}

	@ParameterizedTest
	@MethodSource("v1")
	void schemaDescribesEveryComponentOfTheRecord(EventType type) {
		JsonNode schema = schemaNode(type);
		List<String> components = Arrays.stream(type.javaType().getRecordComponents())
			.map(RecordComponent::getName)
			.toList();
		List<String> required = Arrays.stream(type.javaType().getRecordComponents())
			.filter((component) -> !component.getAnnotatedType().isAnnotationPresent(Nullable.class))
			.map(RecordComponent::getName)
			.toList();
		assertThat(schema.path("properties").propertyNames()).containsExactlyElementsOf(components);
		assertThat(schema.path("required").values()).extracting(JsonNode::asString).containsExactlyElementsOf(required);
	}

	@ParameterizedTest
	@MethodSource("v1")
	void payloadWithoutARequiredFieldFailsToDecode(EventType type) {
		List<String> required = schemaNode(type).path("required").values().stream().map(JsonNode::asString).toList();
		assertThat(required).isNotEmpty();
		for (String field : required) {
			ObjectNode payload = goldenTree(type);
			payload.remove(field);
			assertThatExceptionOfType(JacksonException.class).as("decoding without %s", field)
				.isThrownBy(() -> EventJson.read(bytes(payload), type.javaType()));
			assertThat(EventSchemas.of(type).validate(payload)).as("schema errors without %s", field).isNotEmpty();
		}
	}

	@ParameterizedTest
	@MethodSource("v1")
	void payloadWithoutOptionalFieldsDecodes(EventType type) {
		JsonNode schema = schemaNode(type);
		Set<String> keep = Stream.concat(schema.path("required").values().stream(), conditionallyRequired(schema))
			.map(JsonNode::asString)
			.collect(Collectors.toSet());
		ObjectNode payload = goldenTree(type);
		payload.remove(payload.propertyNames().stream().filter((field) -> !keep.contains(field)).toList());
		assertThatNoException().isThrownBy(() -> EventJson.read(bytes(payload), type.javaType()));
		assertThat(EventSchemas.of(type).validate(payload)).isEmpty();
	}

	@ParameterizedTest
	@MethodSource("v1")
	void payloadWithUnknownFieldsStillDecodes(EventType type) {
		ObjectNode payload = goldenTree(type);
		payload.put("addedInALaterRelease", "ignored");
		payload.putObject("alsoAdded").putArray("nested").add(1).add(2);
		DomainEvent event = EventJson.read(bytes(payload), type.javaType());
		assertThat(event).isEqualTo(EventJson.read(GoldenFiles.read(type), type.javaType()));
		assertThat(EventSchemas.of(type).validate(payload)).isEmpty();
	}

	@ParameterizedTest
	@MethodSource("v1")
	void aggregateIdIsTheDocumentedRecordKey(EventType type) {
		DomainEvent event = EventJson.read(GoldenFiles.read(type), type.javaType());
		assertThat(event.aggregateId()).isEqualTo(tree(GoldenFiles.read(type)).path(keyOf(type)).asString());
	}

	@ParameterizedTest
	@MethodSource("v1")
	void typeTopicAndSchemaFollowTheConventions(EventType type) {
		Class<? extends DomainEvent> record = type.javaType();
		assertThat(type.ceType()).isEqualTo("dev.vestline." + type.service() + "." + record.getSimpleName() + ".v1")
			.matches("dev\\.vestline\\.(approval|signature|billing|reconciliation)\\.[A-Z][A-Za-z]+\\.v1");
		assertThat(record.getPackageName()).isEqualTo("dev.vestline.events." + type.service());
		assertThat(type.topic()).isEqualTo(TOPICS.get(record.getInterfaces()[0]));
		assertThat(getClass().getClassLoader().getResource(type.schemaResource())).as(type.schemaResource())
			.isNotNull();
	}

	@Test
	void catalogueHasOneEntryPerEventRecord() {
		List<Class<?>> records = TOPICS.keySet()
			.stream()
			.flatMap((topic) -> Arrays.stream(topic.getPermittedSubclasses()))
			.toList();
		// the 23 of ARCHITECTURE.md, 3 reversal events, InvoiceVoided and
		// ApprovalCancellationRequested
		assertThat(records).allMatch(Class::isRecord, "is a record").hasSize(28);
		List<Class<?>> catalogued = EventCatalog.v1().all().stream().<Class<?>>map(EventType::javaType).toList();
		assertThat(catalogued).hasSameSizeAs(records).containsExactlyInAnyOrderElementsOf(records);
	}

	private static String keyOf(EventType type) {
		Class<?> record = type.javaType();
		if (ApprovalEvent.class.isAssignableFrom(record)) {
			return "approvalId";
		}
		if (SignatureEvent.class.isAssignableFrom(record)) {
			return "workflowId";
		}
		if (Set.of(FeeAccrued.class, FeeCancelled.class, SubscriptionFunded.class, PositionUpdated.class)
			.contains(record)) {
			return "subscriptionId";
		}
		if (record == BankTransactionImported.class) {
			return "bankTransactionId";
		}
		if (record == MatchAccepted.class || record == MatchReversed.class) {
			return "subscriptionId"; // the golden match funds a subscription
		}
		if (Set
			.of(InvoiceIssued.class, PaymentRecorded.class, InvoicePaid.class, InvoicePaymentReceived.class,
					PaymentReversed.class, InvoicePaymentReversed.class, InvoiceVoided.class)
			.contains(record)) {
			return "invoiceId";
		}
		throw new AssertionError("ARCHITECTURE.md names no record key for " + record.getSimpleName());
	}

	private static Stream<JsonNode> conditionallyRequired(JsonNode schema) {
		return schema.path("allOf")
			.values()
			.stream()
			.flatMap((rule) -> rule.path("then").path("required").values().stream());
	}

	private static JsonNode schemaNode(EventType type) {
		return EventSchemas.of(type).getSchemaNode();
	}

	private static ObjectNode goldenTree(EventType type) {
		return (ObjectNode) tree(GoldenFiles.read(type));
	}

	private static JsonNode tree(byte[] json) {
		return JSON.readTree(json);
	}

	private static byte[] bytes(JsonNode json) {
		return JSON.writeValueAsBytes(json);
	}

	private static String pretty(byte[] json) {
		return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(tree(json));
	}

}
