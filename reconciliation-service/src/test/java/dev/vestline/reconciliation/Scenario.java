package dev.vestline.reconciliation;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.function.BiConsumer;

import com.fasterxml.uuid.Generators;
import dev.vestline.events.DomainEvent;
import dev.vestline.events.Money;
import dev.vestline.events.billing.FeeType;
import dev.vestline.events.billing.InvoiceIssued;
import dev.vestline.events.billing.InvoiceLine;
import dev.vestline.events.signature.DocumentKind;
import dev.vestline.events.signature.SigningWorkflowCompleted;
import tools.jackson.databind.JsonNode;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Builds what a test needs the way production does: expectations through real events on
 * Kafka, bank lines through the import API, matches through auto-matching.
 */
public final class Scenario {

	public static final String OPERATOR = Api.token("olivia", "operations");

	private final Api api;

	private final JdbcClient jdbc;

	private final BiConsumer<DomainEvent, UUID> publisher;

	public Scenario(Api api, JdbcClient jdbc, BiConsumer<DomainEvent, UUID> publisher) {
		this.api = api;
		this.jdbc = jdbc;
		this.publisher = publisher;
	}

	public static String unique(String prefix) {
		return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
	}

	public static UUID newId() {
		return Generators.timeBasedEpochGenerator().generate();
	}

	public static SigningWorkflowCompleted packSigned(UUID subscriptionId, String investorId, UUID vehicleId,
			String amount) {
		return new SigningWorkflowCompleted(newId(), newId(), DocumentKind.SUBSCRIPTION_PACK, newId(), vehicleId,
				investorId, subscriptionId, Money.of(amount, "EUR"), 3, "ab".repeat(32), Instant.now());
	}

	public static InvoiceIssued invoiceIssued(UUID invoiceId, String investorId, String total, String reference) {
		return new InvoiceIssued(invoiceId, unique("INV"), investorId, newId(), Money.of(total, "EUR"), reference,
				LocalDate.of(2026, 12, 31),
				List.of(new InvoiceLine(newId(), newId(), FeeType.SUBSCRIPTION, null, Money.of(total, "EUR"))),
				Instant.now());
	}

	/** Publishes subscription packs signed and waits until all are expected. */
	public void expect(List<SigningWorkflowCompleted> packs) {
		packs.forEach((pack) -> this.publisher.accept(pack, newId()));
		List<UUID> ids = packs.stream().map(SigningWorkflowCompleted::subscriptionId).toList();
		await().atMost(Duration.ofSeconds(60)).until(() -> count("subscription", ids) == ids.size());
	}

	public UUID expectSubscription(String investorId, UUID vehicleId, String amount) {
		UUID subscriptionId = newId();
		expect(List.of(packSigned(subscriptionId, investorId, vehicleId, amount)));
		return subscriptionId;
	}

	public UUID expectInvoice(String investorId, String total, String reference) {
		UUID invoiceId = newId();
		this.publisher.accept(invoiceIssued(invoiceId, investorId, total, reference), newId());
		await().atMost(Duration.ofSeconds(60)).until(() -> count("invoice", List.of(invoiceId)) == 1);
		return invoiceId;
	}

	/**
	 * Imports CSV rows (without header) and answers the new lines' transaction ids in
	 * order.
	 */
	public List<UUID> importCsv(String... rows) {
		String csv = "account_id,bank_reference,booking_date,amount,currency,counterparty_name,remittance_information\n"
				+ String.join("\n", rows) + "\n";
		Api.Response response = this.api.post("/api/v1/bank-statements", OPERATOR, "text/csv",
				csv.getBytes(StandardCharsets.UTF_8));
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		JsonNode lines = response.json().get("lines");
		List<UUID> ids = new java.util.ArrayList<>();
		lines.forEach((line) -> ids.add(UUID.fromString(line.get("bankTransactionId").asString())));
		return ids;
	}

	/** A credit from the investor for the amount, on its own account. */
	public UUID credit(String investorId, String amount, String remittance) {
		return importCsv(unique("ACC") + "," + unique("REF") + ",2026-11-20," + amount + ",EUR,\"" + investorId
				+ "\",\"" + remittance + "\"")
			.get(0);
	}

	/**
	 * @return the one suggested match of the bank line, awaited
	 */
	public UUID suggestionFor(UUID bankTransactionId) {
		await().atMost(Duration.ofMinutes(2)).until(() -> this.jdbc.sql("""
				SELECT count(*) FROM bank_match WHERE bank_transaction_id = ? AND status = 'SUGGESTED'
				""").param(bankTransactionId).query(Long.class).single() == 1);
		return this.jdbc.sql("SELECT id FROM bank_match WHERE bank_transaction_id = ? AND status = 'SUGGESTED'")
			.param(bankTransactionId)
			.query(UUID.class)
			.single();
	}

	public Api.Response accept(UUID matchId, long version, String token) {
		return this.api.postJson("/api/v1/matches/" + matchId + "/accept", token, "", "If-Match",
				"\"" + version + "\"");
	}

	public Api.Response reverse(UUID matchId, long version, String reason) {
		return this.api.postJson("/api/v1/matches/" + matchId + "/reverse", OPERATOR, "{\"reason\":\"" + reason + "\"}",
				"If-Match", "\"" + version + "\"");
	}

	public BigDecimal funded(UUID subscriptionId) {
		return this.jdbc.sql("SELECT funded FROM subscription WHERE id = ?")
			.param(subscriptionId)
			.query(BigDecimal.class)
			.single();
	}

	private long count(String table, List<UUID> ids) {
		String sql = switch (table) {
			case "subscription" -> "SELECT count(*) FROM subscription WHERE id = ANY(?)";
			default -> "SELECT count(*) FROM invoice WHERE id = ANY(?)";
		};
		return this.jdbc.sql(sql).param(ids.toArray(UUID[]::new)).query(Long.class).single();
	}

}
