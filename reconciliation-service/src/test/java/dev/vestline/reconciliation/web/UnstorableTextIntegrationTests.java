package dev.vestline.reconciliation.web;

import java.nio.charset.StandardCharsets;

import dev.vestline.reconciliation.Api;
import dev.vestline.reconciliation.Scenario;
import dev.vestline.reconciliation.ServiceIntegrationTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Text PostgreSQL cannot store (a NUL character) is the caller's error, answered as a
 * problem with nothing written — found by the API fuzzer as 500s.
 */
class UnstorableTextIntegrationTests extends ServiceIntegrationTest {

	@Test
	void refusesANulCharacterInAQueryAsAProblem() {
		Api.Response response = this.api.get("/api/v1/positions?investorId=a%00b", Scenario.OPERATOR);

		assertThat(response.status()).as(response.toString()).isEqualTo(400);
		assertThat(response.header("Content-Type")).startsWith("application/problem+json");
		assertThat(response.json().get("status").asInt()).isEqualTo(400);
	}

	@Test
	void refusesAStatementWithANulCharacterAsAProblemAndImportsNothing() {
		String account = Scenario.unique("ACC");
		String csv = "account_id,bank_reference,booking_date,amount,currency,counterparty_name,remittance_information\n"
				+ account + ",REF-1,2026-11-20,10.00,EUR,\"Ada\",\"fine\"\n" + account
				+ ",REF-2,2026-11-20,10.00,EUR,\"nul\u0000byte\",\"fine\"\n";

		Api.Response response = this.api.post("/api/v1/bank-statements", Scenario.OPERATOR, "text/csv",
				csv.getBytes(StandardCharsets.UTF_8));

		assertThat(response.status()).as(response.toString()).isEqualTo(400);
		assertThat(response.header("Content-Type")).startsWith("application/problem+json");
		assertThat(this.jdbc.sql("SELECT count(*) FROM bank_transaction WHERE account_id = ?")
			.param(account)
			.query(Long.class)
			.single()).isZero();
	}

}
