package dev.vestline.reconciliation.statements;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.vestline.events.Topics;
import dev.vestline.events.reconciliation.BankTransactionImported;
import dev.vestline.reconciliation.Api;
import dev.vestline.reconciliation.ServiceIntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

class StatementImportIntegrationTests extends ServiceIntegrationTest {

	private static final String OPERATOR = Api.token("olivia", "operations");

	private Api.Response importCamt(byte[] xml, String... headers) {
		return this.api.post("/api/v1/bank-statements", OPERATOR, "application/xml", xml, headers);
	}

	private long lines(String account) {
		return this.jdbc.sql("SELECT count(*) FROM bank_transaction WHERE account_id = ?")
			.param(account)
			.query(Long.class)
			.single();
	}

	private static String account() {
		return "DE" + Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000_000L);
	}

	@Test
	void importsASampleStatementAndSummarisesEveryLine() {
		String account = account();
		Api.Response response = importCamt(StatementFiles.sample(account, "S", "inv-x", "RF97 ABC", "5000.00"));

		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		JsonNode summary = response.json();
		assertThat(summary.get("newLines").asLong()).isEqualTo(3);
		assertThat(summary.get("duplicateLines").asLong()).isZero();
		assertThat(summary.get("rejectedLines").asLong()).isEqualTo(1);
		assertThat(summary.get("lines").get(3).get("reason").asString()).contains("PDNG");
		assertThat(lines(account)).isEqualTo(3);
		List<Published> published = awaitPublished(Topics.RECONCILIATION,
				(events) -> events.stream()
					.filter((e) -> e.is(BankTransactionImported.class))
					.filter((e) -> e.as(BankTransactionImported.class).accountId().equals(account))
					.count() == 3);
		assertThat(published.stream()
			.filter((e) -> e.is(BankTransactionImported.class))
			.map((e) -> e.as(BankTransactionImported.class))
			.filter((e) -> e.accountId().equals(account))
			.map((e) -> e.amount().amount().toPlainString())).containsExactlyInAnyOrder("5000.00", "1250.00", "-99.50");
	}

	@Test
	void importingTheSameStatementTwiceAddsNothing() {
		String account = account();
		byte[] xml = StatementFiles.sample(account, "T", "inv-x", "RF97 ABC", "5000.00");
		importCamt(xml);

		JsonNode again = importCamt(xml).json();

		assertThat(again.get("newLines").asLong()).isZero();
		assertThat(again.get("duplicateLines").asLong()).isEqualTo(3);
		assertThat(lines(account)).isEqualTo(3);
	}

	@Test
	void importingTheSameStatementConcurrentlyStoresEachLineOnce() throws Exception {
		for (int round = 0; round < 3; round++) {
			String account = account();
			byte[] xml = StatementFiles.sample(account, "C", "inv-x", "RF97 ABC", "5000.00");

			List<Api.Response> responses = race(10, () -> importCamt(xml));

			assertThat(responses).allSatisfy((r) -> assertThat(r.status()).as(r.toString()).isEqualTo(200));
			assertThat(responses.stream().mapToLong((r) -> r.json().get("newLines").asLong()).sum()).isEqualTo(3);
			assertThat(responses.stream().mapToLong((r) -> r.json().get("duplicateLines").asLong()).sum())
				.isEqualTo(27);
			assertThat(lines(account)).isEqualTo(3);
		}
	}

	@Test
	void overlappingStatementsImportedConcurrentlyInOppositeOrderNeitherDeadlockNorDuplicate() throws Exception {
		String header = String.join(",", CsvStatements.HEADER) + "\n";
		for (int round = 0; round < 5; round++) {
			String account = account();
			StringBuilder forward = new StringBuilder(header);
			StringBuilder backward = new StringBuilder(header);
			for (int i = 1; i <= 20; i++) {
				forward.append(account).append(",L-").append(i).append(",2026-11-20,").append(i).append(".00,EUR,,\n");
				backward.append(account)
					.append(",L-")
					.append(25 - i)
					.append(",2026-11-20,")
					.append(25 - i)
					.append(".00,EUR,,\n");
			}
			List<byte[]> files = List.of(csv(forward.toString()), csv(backward.toString()));
			java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();

			List<Api.Response> responses = race(2, () -> this.api.post("/api/v1/bank-statements", OPERATOR, "text/csv",
					files.get(next.getAndIncrement())));

			assertThat(responses).allSatisfy((r) -> assertThat(r.status()).as(r.toString()).isEqualTo(200));
			assertThat(responses.stream().mapToLong((r) -> r.json().get("newLines").asLong()).sum()).isEqualTo(24);
			assertThat(lines(account)).isEqualTo(24);
		}
	}

	@Test
	void rejectsABrokenStatementWholeAndNamesTheElement() {
		String account = account();
		byte[] xml = StatementFiles.load("camt053-missing-reference.xml", Map.of("ACCOUNT", account, "PREFIX", "B"));

		Api.Response response = importCamt(xml);

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.header("Content-Type")).startsWith("application/problem+json");
		assertThat(response.json().get("where").asString()).isEqualTo("Stmt[1]/Ntry[2]/AcctSvcrRef");
		assertThat(lines(account)).isZero();
	}

	@Test
	void overlappingStatementsAddOnlyTheNewLinesAndRejectAChangedOne() {
		String account = account();
		String header = String.join(",", CsvStatements.HEADER);
		this.api.post("/api/v1/bank-statements", OPERATOR, "text/csv", csv(header + "\n" + account
				+ ",L-1,2026-11-20,100.00,EUR,,\n" + account + ",L-2,2026-11-20,200.00,EUR,,\n"));

		Api.Response overlap = this.api.post("/api/v1/bank-statements", OPERATOR, "text/csv",
				csv(header + "\n" + account + ",L-2,2026-11-20,200.00,EUR,,\n" + account
						+ ",L-3,2026-11-21,300.00,EUR,,\n" + account + ",L-1,2026-11-20,999.00,EUR,,\n"));

		assertThat(overlap.status()).isEqualTo(200);
		JsonNode lines = overlap.json().get("lines");
		assertThat(lines.get(0).get("outcome").asString()).isEqualTo("DUPLICATE");
		assertThat(lines.get(1).get("outcome").asString()).isEqualTo("NEW");
		assertThat(lines.get(2).get("outcome").asString()).isEqualTo("REJECTED");
		assertThat(lines.get(2).get("reason").asString()).contains("100.00 EUR");
		assertThat(lines(account)).isEqualTo(3);
	}

	@Test
	void listsCreditsThatWaitForAMatch() {
		String account = account();
		Api.Response imported = importCamt(StatementFiles.sample(account, "W", "inv-x", "RF97 ABC", "5000.00"));
		String credit = imported.json().get("lines").get(0).get("bankTransactionId").asString();
		String debit = imported.json().get("lines").get(2).get("bankTransactionId").asString();

		List<String> waiting = new java.util.ArrayList<>();
		String after = "";
		while (after != null) {
			JsonNode page = this.api.get("/api/v1/bank-transactions?limit=100" + after, OPERATOR).json();
			page.get("items").forEach((item) -> waiting.add(item.get("id").asString()));
			after = page.get("next").isNull() ? null : "&after=" + page.get("next").asString();
		}

		assertThat(waiting).contains(credit).doesNotContain(debit).isSorted();
		JsonNode line = this.api.get("/api/v1/bank-transactions/" + credit, OPERATOR).json();
		assertThat(line.get("amount").asString()).isEqualTo("5000.00");
		assertThat(line.get("accepted").asBoolean()).isFalse();
	}

	@Test
	void replaysAnImportForTheSameIdempotencyKey() {
		byte[] xml = StatementFiles.sample(account(), "K", "inv-x", "RF97 ABC", "5000.00");
		String key = UUID.randomUUID().toString();

		Api.Response first = importCamt(xml, "Idempotency-Key", key);
		Api.Response retry = importCamt(xml, "Idempotency-Key", key);

		assertThat(retry.status()).isEqualTo(200);
		assertThat(retry.json().get("newLines").asLong()).isEqualTo(3);
		assertThat(retry.json()).isEqualTo(first.json());
		assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
	}

	@Test
	void requiresTheOperationsRole() {
		byte[] xml = StatementFiles.sample(account(), "R", "inv-x", "RF97 ABC", "5000.00");

		assertThat(this.api.post("/api/v1/bank-statements", null, "application/xml", xml).status()).isEqualTo(401);
		assertThat(this.api.post("/api/v1/bank-statements", Api.token("ivan", "investor"), "application/xml", xml)
			.status()).isEqualTo(403);
	}

	private static byte[] csv(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
