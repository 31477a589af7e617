package dev.vestline.reconciliation.statements;

import java.nio.charset.StandardCharsets;
import java.util.List;

import dev.vestline.events.Topics;
import dev.vestline.events.reconciliation.BankTransactionImported;
import dev.vestline.reconciliation.Api;
import dev.vestline.reconciliation.Scenario;
import dev.vestline.reconciliation.ServiceIntegrationTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No statement line can make an event anywhere near the broker's 1 MB limit: the largest
 * line the limits allow imports and is published; a line over any limit is refused,
 * naming the line and field, and nothing of the file is written.
 */
class StatementLimitsIntegrationTests extends ServiceIntegrationTest {

	private static final String WIDE = "\uD83D\uDCB6"; // four bytes in UTF-8

	private Api.Response importCsv(String row) {
		String csv = String.join(",", CsvStatements.HEADER) + "\n" + row + "\n";
		return this.api.post("/api/v1/bank-statements", Scenario.OPERATOR, "text/csv",
				csv.getBytes(StandardCharsets.UTF_8));
	}

	@Test
	void theLargestLineTheLimitsAllowIsImportedAndPublished() {
		String account = Scenario.unique("MAX").toUpperCase(java.util.Locale.ROOT);
		account = account + "X".repeat(34 - account.length());
		String reference = "R".repeat(35 - 8) + Scenario.unique("").substring(1);
		String row = account + "," + reference + ",2026-11-20,-999999999999999.99,EUR,\"" + "\"\"".repeat(70)
				+ WIDE.repeat(70) + "\",\"" + "\\".repeat(70) + WIDE.repeat(70) + "\"";

		Api.Response response = importCsv(row);

		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		assertThat(response.json().get("newLines").asLong()).isEqualTo(1);
		String imported = account;
		List<Published> published = awaitPublished(Topics.RECONCILIATION,
				(events) -> events.stream()
					.anyMatch((e) -> e.is(BankTransactionImported.class)
							&& e.as(BankTransactionImported.class).accountId().equals(imported)));
		Published event = published.stream()
			.filter((e) -> e.is(BankTransactionImported.class)
					&& e.as(BankTransactionImported.class).accountId().equals(imported))
			.findFirst()
			.orElseThrow();
		assertThat(event.as(BankTransactionImported.class).counterpartyName()).hasSize(70 + 2 * 70);
		// every text at its limit, written in the characters JSON spells longest: far
		// below the broker's 1 MB
		assertThat(event.data().length).isLessThan(4 * 1024);
	}

	@Test
	void aLineOverALimitIsRefusedNamingItAndNothingIsWritten() {
		String account = Scenario.unique("OVER");
		for (String row : List.of(account + "," + "R".repeat(3000) + ",2026-11-20,10.00,EUR,,",
				account + ",R-1,2026-11-20,10.00,EUR,," + "x".repeat(141),
				account + ",R-1,2026-11-20,10.00,EUR," + "n".repeat(141) + ",", account + ",R-1,2026-11-20,1e400,EUR,,",
				account + ",R-1,2026-11-20,10.001,EUR,,")) {
			String valid = account + ",R-0,2026-11-20,10.00,EUR,,";

			Api.Response response = importCsv(valid + "\n" + row);

			assertThat(response.status()).as(response.toString()).isEqualTo(400);
			assertThat(response.header("Content-Type")).startsWith("application/problem+json");
			assertThat(response.json().get("where").asString()).startsWith("line 3, ");
			assertThat(response.body()).hasSizeLessThan(2048);
		}
		assertThat(this.jdbc.sql("SELECT count(*) FROM bank_transaction WHERE account_id = ?")
			.param(account)
			.query(Long.class)
			.single()).isZero();
		assertThat(this.jdbc.sql("SELECT count(*) FROM outbox_event WHERE payload::text LIKE ?")
			.param("%" + account + "%")
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void aReasonOverItsLimitOrWithAControlCharacterIsRefusedNamingTheField() {
		for (String reason : List.of("r".repeat(501), "a\\u0000b", "line\\nbreak")) {
			Api.Response response = this.api.postJson("/api/v1/matches/" + Scenario.newId() + "/reverse",
					Scenario.OPERATOR, "{\"reason\":\"" + reason + "\"}", "If-Match", "\"0\"");

			assertThat(response.status()).as(response.toString()).isEqualTo(400);
			assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("reason");
		}
	}

	@Test
	void absurdAmountsElsewhereInTheApiAreRefusedNamingTheField() {
		for (String price : List.of("\"1e400\"", "1e400", "\"0.0000001\"", "\"0\"", "\"-1\"", "\"10000000000000\"")) {
			Api.Response response = this.api.put("/api/v1/vehicles/" + Scenario.newId() + "/unit-price",
					Scenario.OPERATOR, "{\"unitPrice\":" + price + "}");

			assertThat(response.status()).as(price + " " + response).isEqualTo(400);
			assertThat(response.body()).as(price).contains("unitPrice");
		}
	}

}
