package dev.vestline.console.support;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.sql.DataSource;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import static org.awaitility.Awaitility.await;

/**
 * What a billing test needs before a person opens the console, made the way it happens in
 * Vestline: fee schedules, invoice runs and voids through billing-service's public API as
 * bianca (billing), signed subscription packs published to {@code signature.events} as
 * signature-service's relay sends them (CloudEvents binary mode), and payments through
 * the signed payment-provider webhook.
 */
public final class BillingArrange {

	/** The webhook key billing-service is started with in the tests. */
	static final String WEBHOOK_SECRET = "console-tests-webhook-secret-0123456789";

	private final String billing;

	private final String kafka;

	private final Arrange arrange;

	BillingArrange(String billing, String kafka, Arrange arrange) {
		this.billing = billing;
		this.kafka = kafka;
		this.arrange = arrange;
	}

	/**
	 * @return a new vehicle with a EUR fee schedule: the subscription fee in basis points
	 */
	public UUID vehicleWithSchedule(int subscriptionFeeBps) {
		UUID vehicle = UUID.randomUUID();
		send("POST", "/api/v1/fee-schedules", null, """
				{"vehicleId":"%s","currency":"EUR","subscriptionFeeBps":%d,"managementFeeBps":100}""".formatted(vehicle,
				subscriptionFeeBps));
		return vehicle;
	}

	/**
	 * Publishes a completed subscription pack, as signature-service does, and waits until
	 * billing has accrued its fee.
	 * @return the subscription
	 */
	public UUID signedPack(UUID vehicle, String investor, String amount) {
		UUID subscription = UUID.randomUUID();
		UUID workflow = UUID.randomUUID();
		String payload = """
				{"workflowId":"%s","approvalId":"%s","documentKind":"SUBSCRIPTION_PACK","dealId":"%s",\
				"vehicleId":"%s","investorId":"%s","subscriptionId":"%s",\
				"amount":{"amount":"%s","currency":"EUR"},"documentVersion":1,\
				"documentSha256":"%s","completedAt":"%s"}""".formatted(workflow, UUID.randomUUID(), UUID.randomUUID(),
				vehicle, investor, subscription, amount, "ab".repeat(32), Instant.now());
		publish("signature.events", workflow.toString(), "SigningWorkflowCompleted", payload);
		await("billing accrues the fee of " + subscription).atMost(Duration.ofSeconds(90))
			.until(() -> !fees(subscription).path("items").isEmpty());
		return subscription;
	}

	/**
	 * @return the fees of a subscription, as the API pages them
	 */
	public JsonNode fees(UUID subscription) {
		return send("GET", "/api/v1/fees?subscriptionId=" + subscription, null, null);
	}

	/**
	 * @return the investor's invoices (any status), oldest first
	 */
	public JsonNode invoicesOf(String investor) {
		return send("GET", "/api/v1/invoices?investorId=" + URLEncoder.encode(investor, StandardCharsets.UTF_8), null,
				null)
			.path("items");
	}

	/**
	 * Runs invoice runs, which bill every accrued fee, until the investor has an issued
	 * invoice: a run already going (another test's) may have counted its groups before
	 * this investor's fee accrued.
	 * @return the investor's first ISSUED invoice after it
	 */
	public UUID invoiceFor(String investor) {
		return await("an issued invoice for " + investor).atMost(Duration.ofSeconds(90)).until(() -> {
			finished(send("POST", "/api/v1/invoice-runs", null, null).path("id").asString());
			for (JsonNode invoice : invoicesOf(investor)) {
				if ("ISSUED".equals(invoice.path("status").asString())) {
					return UUID.fromString(invoice.path("id").asString());
				}
			}
			return null;
		}, (invoice) -> invoice != null);
	}

	/**
	 * Holds every invoice run mid-way, for as long as the connection's transaction stays
	 * open: it locks billing's fee table, so a run counts its groups, then waits at its
	 * first claim. Roll back (or close) to let it go on.
	 * @param billing billing-service's database ({@link Backends#billingDatabase()})
	 * @return the connection holding the lock
	 */
	public static Connection holdInvoiceRuns(DataSource billing) throws SQLException {
		Connection connection = billing.getConnection();
		connection.setAutoCommit(false);
		try (Statement statement = connection.createStatement()) {
			statement.execute("LOCK TABLE fee IN EXCLUSIVE MODE");
		}
		return connection;
	}

	/**
	 * @param run an invoice run
	 * @return the run once it completed or failed
	 */
	public JsonNode finished(String run) {
		return await("invoice run " + run).atMost(Duration.ofSeconds(90))
			.pollInterval(Duration.ofMillis(200))
			.until(() -> send("GET", "/api/v1/invoice-runs/" + run, null, null),
					(answer) -> !Set.of("RUNNING", "STALLED").contains(answer.path("status").asString()));
	}

	/**
	 * @return the invoice (without its lines) as billing has it now
	 */
	public JsonNode invoice(UUID invoice) {
		return send("GET", "/api/v1/invoices/" + invoice, null, null).path("invoice");
	}

	/** Voids the invoice as bianca, with the version it has now. */
	public void voidInvoice(UUID invoice, String reason) {
		String etag = "\"" + invoice(invoice).path("version").asLong() + "\"";
		send("POST", "/api/v1/invoices/" + invoice + "/void", etag, "{\"reason\":\"" + reason + "\"}");
	}

	/**
	 * Pays through the payment provider's webhook, signed with billing's key.
	 */
	public void pay(UUID invoice, String amount) {
		String body = """
				{"eventId":"evt-%s","paymentId":"pay-%s","invoiceId":"%s","amount":"%s","currency":"EUR"}"""
			.formatted(UUID.randomUUID(), UUID.randomUUID(), invoice, amount);
		long now = Instant.now().getEpochSecond();
		HttpResponse<String> answer = Arrange
			.call(HttpRequest.newBuilder(URI.create(this.billing + "/api/v1/payments/webhook"))
				.header("Content-Type", "application/json")
				.header("Vestline-Signature", "t=" + now + ",v1=" + hmac(now + "." + body))
				.POST(HttpRequest.BodyPublishers.ofString(body))
				.build());
		if (answer.statusCode() != 200) {
			throw new IllegalStateException("The webhook answered " + answer.statusCode() + ": " + answer.body());
		}
	}

	private void publish(String topic, String key, String name, String payload) {
		Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, this.kafka,
				ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
				ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
		String service = topic.substring(0, topic.indexOf('.'));
		ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key,
				payload.getBytes(StandardCharsets.UTF_8));
		UUID id = UUID.randomUUID();
		Map.of("ce_specversion", "1.0", "ce_id", id.toString(), "ce_source", "/vestline/" + service, "ce_type",
				"dev.vestline." + service + "." + name + ".v1", "ce_subject", key, "ce_time", Instant.now().toString(),
				"ce_dataschema", "https://vestline.dev/schemas/" + service + "/" + name + ".v1.json",
				"ce_correlationid", id.toString(), "content-type", "application/json")
			.forEach((header, value) -> record.headers().add(header, value.getBytes(StandardCharsets.UTF_8)));
		try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config)) {
			producer.send(record).get();
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException("Could not publish to " + topic, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private JsonNode send(String method, String path, @Nullable String ifMatch, @Nullable String body) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.billing + path))
			.header("Authorization", "Bearer " + this.arrange.token("bianca", "billing"))
			.header("Content-Type", "application/json")
			.header("Idempotency-Key", UUID.randomUUID().toString())
			.method(method,
					(body != null) ? HttpRequest.BodyPublishers.ofString(body) : HttpRequest.BodyPublishers.noBody());
		if (ifMatch != null) {
			request.header("If-Match", ifMatch);
		}
		HttpResponse<String> answer = Arrange.call(request.build());
		if (answer.statusCode() >= 300) {
			throw new IllegalStateException(
					method + " " + path + " answered " + answer.statusCode() + ": " + answer.body());
		}
		return Arrange.json.readTree(answer.body());
	}

	private static String hmac(String signed) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(WEBHOOK_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return HexFormat.of().formatHex(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
