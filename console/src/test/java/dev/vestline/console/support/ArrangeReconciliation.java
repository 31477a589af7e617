package dev.vestline.console.support;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import tools.jackson.databind.JsonNode;

import static org.awaitility.Awaitility.await;

/**
 * What a reconciliation test needs before a person opens the desk, made the way
 * production makes it: a subscription expected because signature-service's
 * {@code SigningWorkflowCompleted} arrives on {@code signature.events} (a CloudEvents
 * record written here as its relay writes it), and reads through reconciliation-service's
 * public API with provider-issued tokens of operations.
 */
public final class ArrangeReconciliation {

	/** The CSV header reconciliation-service reads. */
	public static final String CSV_HEADER = "account_id,bank_reference,booking_date,amount,currency,counterparty_name,remittance_information\n";

	private static final Duration PATIENCE = Duration.ofSeconds(90);

	private final String reconciliation;

	private final String kafka;

	private final Arrange arrange;

	ArrangeReconciliation(String reconciliation, String kafka, Arrange arrange) {
		this.reconciliation = reconciliation;
		this.kafka = kafka;
		this.arrange = arrange;
	}

	/**
	 * Publishes the subscription pack signed and waits until reconciliation expects it.
	 * @return the subscription's id
	 */
	public UUID subscriptionSigned(String investor, UUID vehicle, String amount) {
		UUID subscription = UUID.randomUUID();
		UUID workflow = UUID.randomUUID();
		String payload = """
				{"workflowId":"%s","approvalId":"%s","documentKind":"SUBSCRIPTION_PACK","dealId":"%s",\
				"vehicleId":"%s","investorId":"%s","subscriptionId":"%s",\
				"amount":{"amount":"%s","currency":"EUR"},"documentVersion":1,"documentSha256":"%s",\
				"completedAt":"%s"}""".formatted(workflow, UUID.randomUUID(), UUID.randomUUID(), vehicle, investor,
				subscription, amount, "ab".repeat(32), Instant.now());
		ProducerRecord<String, byte[]> record = new ProducerRecord<>("signature.events", workflow.toString(),
				payload.getBytes(StandardCharsets.UTF_8));
		Map.of("ce_specversion", "1.0", "ce_id", UUID.randomUUID().toString(), "ce_source", "/vestline/signature",
				"ce_type", "dev.vestline.signature.SigningWorkflowCompleted.v1", "ce_subject", workflow.toString(),
				"ce_time", Instant.now().toString(), "content-type", "application/json")
			.forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
		try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, this.kafka), new StringSerializer(),
				new ByteArraySerializer())) {
			producer.send(record).get();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException(ex);
		}
		await("subscription " + subscription + " expected").atMost(PATIENCE)
			.until(() -> get("/api/v1/subscriptions/" + subscription).statusCode() == 200);
		return subscription;
	}

	/**
	 * @return a CSV statement of one credit, on an account and reference of its own
	 */
	public static String credit(String investor, String amount, String remittance) {
		return CSV_HEADER + "DE%s,REF-%s,2026-11-20,%s,EUR,\"%s\",\"%s\"\n".formatted(
				UUID.randomUUID().toString().replace("-", "").substring(0, 20),
				UUID.randomUUID().toString().substring(0, 8), amount, investor, remittance);
	}

	/**
	 * @return the line's suggested match, awaited
	 */
	public UUID suggestionFor(UUID line) {
		return UUID.fromString(await("a suggestion for " + line).atMost(PATIENCE)
			.until(() -> json("/api/v1/bank-transactions/" + line).path("suggestion").asString(""),
					(id) -> !id.isEmpty()));
	}

	/**
	 * @return the match as the service has it now
	 */
	public JsonNode match(UUID match) {
		return json("/api/v1/matches/" + match);
	}

	/**
	 * @return the position's units, or {@code null} when there is none
	 */
	public String units(String investor, UUID vehicle) {
		HttpResponse<String> answer = get(
				"/api/v1/positions/" + URLEncoder.encode(investor, StandardCharsets.UTF_8) + "/" + vehicle);
		return (answer.statusCode() == 200)
				? Arrange.json.readTree(answer.body()).path("position").path("units").asString() : null;
	}

	private JsonNode json(String path) {
		HttpResponse<String> answer = get(path);
		if (answer.statusCode() != 200) {
			throw new IllegalStateException("GET " + path + " answered " + answer.statusCode() + ": " + answer.body());
		}
		return Arrange.json.readTree(answer.body());
	}

	private HttpResponse<String> get(String path) {
		return Arrange.call(HttpRequest.newBuilder(URI.create(this.reconciliation + path))
			.header("Authorization", "Bearer " + this.arrange.token("olivia", "operations"))
			.build());
	}

}
