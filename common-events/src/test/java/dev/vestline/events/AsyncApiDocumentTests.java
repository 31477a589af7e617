package dev.vestline.events;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.vestline.events.approval.ApprovalCancellationRequested;
import dev.vestline.events.approval.ApprovalCancelled;
import dev.vestline.events.approval.ApprovalGranted;
import dev.vestline.events.billing.InvoiceIssued;
import dev.vestline.events.billing.InvoiceVoided;
import dev.vestline.events.reconciliation.InvoicePaymentReceived;
import dev.vestline.events.reconciliation.InvoicePaymentReversed;
import dev.vestline.events.signature.SigningWorkflowCancelled;
import dev.vestline.events.signature.SigningWorkflowCompleted;
import dev.vestline.events.signature.SigningWorkflowCreated;
import dev.vestline.events.signature.SigningWorkflowFailed;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The AsyncAPI document describes exactly the event catalogue: every type as a message on
 * its topic, with its shipped schema, its CloudEvents headers and its record key.
 */
class AsyncApiDocumentTests {

	private static final String LOCATION = "asyncapi/vestline.asyncapi.yaml";

	private static final Map<String, Object> DOCUMENT = load();

	private final EventCatalog catalog = EventCatalog.v1();

	@Test
	void isAnAsyncApi3Document() {
		assertThat(DOCUMENT).containsEntry("asyncapi", "3.0.0")
			.containsKeys("info", "channels", "operations", "components");
	}

	@Test
	void describesEveryCatalogueTypeAndNothingElse() {
		assertThat(messages().values()).extracting((message) -> message.get("name"))
			.containsExactlyInAnyOrderElementsOf(this.catalog.all().stream().map(EventType::ceType).toList());
	}

	@Test
	void channelsAreTheTopics() {
		assertThat(channels().values()).extracting((channel) -> channel.get("address"))
			.containsExactlyInAnyOrderElementsOf(topicConstants());
	}

	@Test
	void eachChannelCarriesExactlyTheEventsOfItsTopic() {
		channels().forEach((key, channel) -> {
			List<String> carried = map(channel.get("messages")).values()
				.stream()
				.map((ref) -> (String) resolve(ref).get("name"))
				.toList();
			assertThat(carried).as(key)
				.containsExactlyInAnyOrderElementsOf(
						ceTypesWhere((type) -> type.topic().equals(channel.get("address"))));
		});
	}

	@Test
	void everyPayloadIsTheSchemaShippedForItsType() {
		messages().forEach((key, message) -> {
			String ref = (String) map(message.get("payload")).get("$ref");
			EventType type = this.catalog.byCeType((String) message.get("name")).orElseThrow();
			assertThat(classpathOf(ref)).as(key).isEqualTo(type.schemaResource());
			assertThat(getClass().getClassLoader().getResource(classpathOf(ref))).as(ref).isNotNull();
		});
	}

	@Test
	void everyMessageStatesItsCloudEventsAttributesAndKey() {
		Map<String, Object> headers = map(map(component("schemas")).get("CloudEventsKafkaHeaders"));
		assertThat(list(headers.get("required"))).containsExactlyInAnyOrder("ce_id", "ce_source", "ce_type",
				"ce_subject", "ce_time", "ce_specversion", "ce_dataschema", "content-type");
		assertThat(map(headers.get("properties"))).containsKeys("ce_correlationid", "ce_causationid", "traceparent");
		messages().forEach((key, message) -> {
			EventType type = this.catalog.byCeType((String) message.get("name")).orElseThrow();
			List<Object> allOf = list(map(message.get("headers")).get("allOf"));
			assertThat(resolve(allOf.get(0))).as(key).isSameAs(headers);
			Map<String, Object> attributes = map(map(allOf.get(1)).get("properties"));
			assertThat(map(attributes.get("ce_type"))).as(key).containsEntry("const", type.ceType());
			assertThat(map(attributes.get("ce_source"))).as(key).containsEntry("const", type.source().toString());
			assertThat(map(attributes.get("ce_dataschema"))).as(key)
				.containsEntry("const", type.dataSchema().toString());
			assertThat(map(map(message.get("bindings")).get("kafka"))).as(key).containsKey("key");
		});
	}

	@Test
	void eachServiceSendsAllItsEventsOnItsOwnChannel() {
		Map<String, Map<String, Object>> sends = operations("send");
		assertThat(sends.values()).extracting((operation) -> resolve(operation.get("channel")))
			.containsExactlyInAnyOrderElementsOf(channels().values());
		sends.forEach((key, operation) -> assertThat(operationMessages(operation)).as(key)
			.containsExactlyInAnyOrderElementsOf(map(resolve(operation.get("channel")).get("messages")).values()
				.stream()
				.map((ref) -> (String) resolve(ref).get("name"))
				.toList()));
	}

	@Test
	void receivesAreTheConsumersOfTheArchitecture() {
		Map<String, Set<String>> receives = operations("receive").entrySet()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, (entry) -> Set.copyOf(operationMessages(entry.getValue()))));
		assertThat(receives).isEqualTo(Map.of("signatureReceivesApprovalEvents",
				ceTypes(ApprovalGranted.class, ApprovalCancellationRequested.class, ApprovalCancelled.class),
				"approvalReceivesSignatureEvents",
				ceTypes(SigningWorkflowCreated.class, SigningWorkflowFailed.class, SigningWorkflowCancelled.class,
						SigningWorkflowCompleted.class),
				"billingReceivesSignatureEvents", ceTypes(SigningWorkflowCompleted.class),
				"reconciliationReceivesSignatureEvents", ceTypes(SigningWorkflowCompleted.class),
				"reconciliationReceivesBillingEvents", ceTypes(InvoiceIssued.class, InvoiceVoided.class),
				"billingReceivesReconciliationEvents",
				ceTypes(InvoicePaymentReceived.class, InvoicePaymentReversed.class)));
	}

	@Test
	void operationsOnlyNameMessagesOfTheirChannel() {
		map(DOCUMENT.get("operations")).forEach((key, operation) -> {
			String channel = (String) map(map(operation).get("channel")).get("$ref");
			assertThat(list(map(operation).get("messages"))).as(key)
				.allSatisfy((ref) -> assertThat((String) map(ref).get("$ref")).startsWith(channel + "/messages/"));
		});
	}

	@Test
	void everyReferenceResolves() {
		List<String> refs = new ArrayList<>();
		collectRefs(DOCUMENT, refs);
		assertThat(refs).isNotEmpty().allSatisfy((ref) -> {
			if (ref.startsWith("#/")) {
				assertThat(pointer(ref)).as(ref).isNotNull();
			}
			else {
				assertThat(getClass().getClassLoader().getResource(classpathOf(ref))).as(ref).isNotNull();
			}
		});
	}

	private List<String> operationMessages(Map<String, Object> operation) {
		return list(operation.get("messages")).stream().map((ref) -> (String) resolve(ref).get("name")).toList();
	}

	private Set<String> ceTypes(Class<?>... records) {
		return Arrays.stream(records)
			.map((record) -> ceTypesWhere((type) -> type.javaType() == record).get(0))
			.collect(Collectors.toSet());
	}

	private List<String> ceTypesWhere(Function<EventType, Boolean> filter) {
		return this.catalog.all().stream().filter(filter::apply).map(EventType::ceType).toList();
	}

	private static List<String> topicConstants() {
		return Arrays.stream(Topics.class.getFields())
			.filter((field) -> Modifier.isStatic(field.getModifiers()) && field.getType() == String.class)
			.map(AsyncApiDocumentTests::constant)
			.toList();
	}

	private static String constant(Field field) {
		try {
			return (String) field.get(null);
		}
		catch (IllegalAccessException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static Map<String, Map<String, Object>> channels() {
		return maps(DOCUMENT.get("channels"));
	}

	private static Map<String, Map<String, Object>> messages() {
		return maps(component("messages"));
	}

	private static Map<String, Map<String, Object>> operations(String action) {
		return maps(DOCUMENT.get("operations")).entrySet()
			.stream()
			.filter((entry) -> action.equals(entry.getValue().get("action")))
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
	}

	private static Object component(String kind) {
		return map(DOCUMENT.get("components")).get(kind);
	}

	/**
	 * Follows a {@code {$ref: '#/...'}} object, and any reference it points at, to the
	 * end.
	 */
	private static Map<String, Object> resolve(Object reference) {
		Map<String, Object> node = map(reference);
		while (node.get("$ref") instanceof String ref) {
			assertThat(ref).startsWith("#/");
			node = map(pointer(ref));
		}
		return node;
	}

	private static Object pointer(String ref) {
		Object node = DOCUMENT;
		for (String token : ref.substring(2).split("/")) {
			node = (node instanceof Map<?, ?> object) ? object.get(token.replace("~1", "/").replace("~0", "~")) : null;
		}
		return node;
	}

	/** A file reference relative to this document, as a classpath location. */
	private static String classpathOf(String ref) {
		return URI.create(LOCATION).resolve(ref).toString();
	}

	private static void collectRefs(Object node, List<String> refs) {
		if (node instanceof Map<?, ?> object) {
			object.forEach((key, value) -> {
				if ("$ref".equals(key)) {
					refs.add((String) value);
				}
				collectRefs(value, refs);
			});
		}
		else if (node instanceof List<?> items) {
			items.forEach((item) -> collectRefs(item, refs));
		}
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> map(Object node) {
		assertThat(node).isInstanceOf(Map.class);
		return (Map<String, Object>) node;
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Map<String, Object>> maps(Object node) {
		assertThat(node).isInstanceOf(Map.class);
		return (Map<String, Map<String, Object>>) node;
	}

	@SuppressWarnings("unchecked")
	private static List<Object> list(Object node) {
		assertThat(node).isInstanceOf(List.class);
		return (List<Object>) node;
	}

	private static Map<String, Object> load() {
		try (InputStream in = AsyncApiDocumentTests.class.getClassLoader().getResourceAsStream(LOCATION)) {
			assertThat(in).as(LOCATION).isNotNull();
			return new Yaml().load(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
