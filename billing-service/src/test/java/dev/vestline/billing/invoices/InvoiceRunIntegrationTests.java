package dev.vestline.billing.invoices;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Future;

import dev.vestline.billing.BillingIntegrationTest;
import dev.vestline.events.Topics;
import dev.vestline.events.billing.InvoiceIssued;
import dev.vestline.events.billing.InvoiceVoided;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

class InvoiceRunIntegrationTests extends BillingIntegrationTest {

	@Autowired
	InvoiceRun run;

	@Test
	void twoRunsAtOnceBillEachOfAThousandFeesOnExactlyOneInvoice() throws Exception {
		String batch = UUID.randomUUID().toString().substring(0, 8);
		UUID vehicle = UUID.randomUUID();
		BigDecimal sum = accrue(batch, vehicle, 100, 10);

		List<Future<InvoiceRun.Result>> runs = race(2, this.run::run);
		int issued = 0;
		for (Future<InvoiceRun.Result> result : runs) {
			issued += result.get().invoicesIssued();
		}

		assertThat(issued).isGreaterThanOrEqualTo(100);
		assertThat(count("SELECT count(*) FROM fee WHERE investor_id LIKE ? AND status = 'INVOICED'", batch))
			.isEqualTo(1000);
		assertThat(count("""
				SELECT count(*) FROM invoice_line l JOIN fee f ON f.id = l.fee_id
				 WHERE f.investor_id LIKE ? AND l.invoice_id = f.invoice_id
				""", batch)).as("each fee is a line of its invoice, once").isEqualTo(1000);
		assertThat(count("SELECT count(*) FROM invoice WHERE investor_id LIKE ?", batch))
			.as("one invoice per investor and vehicle")
			.isEqualTo(100);
		assertThat(this.jdbc.sql("SELECT sum(total) FROM invoice WHERE investor_id LIKE ?")
			.param(batch + "%")
			.query(BigDecimal.class)
			.single()).isEqualByComparingTo(sum);
		assertThat(count("""
				SELECT count(*) FROM invoice i
				 WHERE i.investor_id LIKE ?
				   AND i.total <> (SELECT sum(amount) FROM invoice_line l WHERE l.invoice_id = i.id)
				""", batch)).as("totals equal the sum of their lines").isZero();
		assertThat(this.jdbc.sql("""
				SELECT count(*) = max(sequence_number) AND count(DISTINCT invoice_number) = count(*)
				  FROM invoice GROUP BY invoice_year
				""").query(Boolean.class).list()).as("numbers are unique and gap-free per year").containsOnly(true);
		assertThat(published(Topics.BILLING, InvoiceIssued.class, (e) -> e.investorId().startsWith(batch), 100))
			.hasSize(100)
			.allSatisfy((e) -> assertThat(e.lines()).hasSize(10));
	}

	@Test
	void billsFeesWhoseSumNoInvoiceCanHoldOnSeveralInvoicesAndTheRunGoesOn() {
		String big = "investor-" + UUID.randomUUID();
		UUID vehicle = UUID.randomUUID();
		this.jdbc.sql("""
				INSERT INTO fee (id, subscription_id, investor_id, vehicle_id, fee_type, amount, currency, status,
				                 accrued_at)
				SELECT gen_random_uuid(), gen_random_uuid(), ?, ?, 'SUBSCRIPTION', 400000000000000.00, 'EUR', 'ACCRUED',
				       now()
				  FROM generate_series(1, 3)
				""").params(big, vehicle).update();
		String after = "zz-investor-" + UUID.randomUUID();
		this.jdbc.sql("""
				INSERT INTO fee (id, subscription_id, investor_id, vehicle_id, fee_type, amount, currency, status,
				                 accrued_at)
				VALUES (gen_random_uuid(), gen_random_uuid(), ?, ?, 'SUBSCRIPTION', 10.00, 'EUR', 'ACCRUED', now())
				""").params(after, vehicle).update();

		this.run.run();

		assertThat(this.jdbc.sql("SELECT total FROM invoice WHERE investor_id = ? ORDER BY total DESC")
			.param(big)
			.query(BigDecimal.class)
			.list()).as("each below Money.MAXIMUM, together the three fees")
			.usingElementComparator(BigDecimal::compareTo)
			.containsExactly(new BigDecimal("800000000000000.00"), new BigDecimal("400000000000000.00"));
		assertThat(count("SELECT count(*) FROM fee WHERE investor_id LIKE ? AND status = 'INVOICED'", big))
			.isEqualTo(3);
		assertThat(count("SELECT count(*) FROM fee WHERE investor_id LIKE ? AND status = 'INVOICED'", after))
			.as("the groups after it are billed too")
			.isEqualTo(1);
		assertThat(published(Topics.BILLING, InvoiceIssued.class, (e) -> e.investorId().equals(big), 2)).hasSize(2);
	}

	@Test
	void voidReturnsTheFeesToAccruedAndALaterRunBillsThemAgain() throws Exception {
		String batch = UUID.randomUUID().toString().substring(0, 8);
		accrue(batch, UUID.randomUUID(), 1, 3);
		this.run.run();
		UUID invoice = this.jdbc.sql("SELECT id FROM invoice WHERE investor_id LIKE ?")
			.param(batch + "%")
			.query(UUID.class)
			.single();

		var stale = http().post()
			.uri("/api/v1/invoices/" + invoice + "/void")
			.header("If-Match", "\"7\"")
			.body(Map.of("reason", "billed twice"))
			.retrieve()
			.toEntity(String.class);
		assertThat(stale.getStatusCode().value()).isEqualTo(412);
		var voided = post("/api/v1/invoices/" + invoice + "/void", etag("/api/v1/invoices/" + invoice),
				Map.of("reason", "billed twice"));
		assertThat(voided.getStatusCode().value()).isEqualTo(200);
		assertThat(voided.getBody().get("status").asString()).isEqualTo("VOID");
		assertThat(post("/api/v1/invoices/" + invoice + "/void", etag("/api/v1/invoices/" + invoice),
				Map.of("reason", "again"))
			.getStatusCode()
			.value()).isEqualTo(409);
		assertThat(count("SELECT count(*) FROM fee WHERE investor_id LIKE ? AND status = 'ACCRUED'", batch))
			.isEqualTo(3);

		var rerun = post("/api/v1/invoice-runs", Map.of());
		assertThat(rerun.getStatusCode().value()).isEqualTo(202);
		String location = rerun.getHeaders().getLocation().toString();
		org.awaitility.Awaitility.await("the run")
			.atMost(java.time.Duration.ofSeconds(90))
			.until(() -> get(location).getBody().get("status").asString(), (status) -> !status.equals("RUNNING"));
		assertThat(count("SELECT count(*) FROM invoice WHERE investor_id LIKE ? AND status = 'ISSUED'", batch))
			.isEqualTo(1);
		var detail = get("/api/v1/invoices/" + invoice).getBody();
		assertThat(detail.get("lines")).as("a voided invoice keeps its lines").hasSize(3);
	}

	@Test
	void voidsOnceWhenTwentyOperatorsRace() throws Exception {
		for (int round = 0; round < 3; round++) {
			String batch = UUID.randomUUID().toString().substring(0, 8);
			accrue(batch, UUID.randomUUID(), 1, 2);
			this.run.run();
			UUID invoice = this.jdbc.sql("SELECT id FROM invoice WHERE investor_id LIKE ?")
				.param(batch + "%")
				.query(UUID.class)
				.single();
			String read = etag("/api/v1/invoices/" + invoice);
			List<Integer> statuses = new java.util.ArrayList<>();
			for (Future<Integer> done : race(20,
					() -> post("/api/v1/invoices/" + invoice + "/void", read, Map.of("reason", "wrong investor"))
						.getStatusCode()
						.value())) {
				statuses.add(done.get());
			}
			assertThat(statuses).as("the losers read a version that is gone").containsOnly(200, 412);
			assertThat(statuses.stream().filter((s) -> s == 200)).hasSize(1);
			assertThat(count("SELECT count(*) FROM fee WHERE investor_id LIKE ? AND status = 'ACCRUED'", batch))
				.isEqualTo(2);
			assertThat(published(Topics.BILLING, InvoiceVoided.class, (e) -> e.invoiceId().equals(invoice), 1))
				.singleElement()
				.satisfies((voided) -> {
					assertThat(voided.reason()).isEqualTo("wrong investor");
					assertThat(voided.total().amount()).isPositive();
				});
		}
	}

	@Test
	void listsInvoicesByInvestorAndStatusInKeysetPages() {
		String batch = UUID.randomUUID().toString().substring(0, 8);
		for (int i = 0; i < 3; i++) {
			accrue(batch + "-" + i + "-", UUID.randomUUID(), 1, 1);
		}
		accrue(batch + "-x-", UUID.randomUUID(), 1, 1);
		this.run.run();
		String investor = this.jdbc.sql("SELECT investor_id FROM fee WHERE investor_id LIKE ? LIMIT 1")
			.param(batch + "-0-%")
			.query(String.class)
			.single();
		var page = get("/api/v1/invoices?status=ISSUED&investorId=" + investor + "&limit=1").getBody();
		assertThat(page.get("items")).hasSize(1);
		assertThat(page.get("items").get(0).get("investorId").asString()).isEqualTo(investor);
		var next = get("/api/v1/invoices?status=ISSUED&investorId=" + investor + "&limit=1&after="
				+ page.get("next").asString())
			.getBody();
		assertThat(next.get("items")).isEmpty();
		assertThat(get("/api/v1/invoices?status=NOPE").getStatusCode().value()).isEqualTo(400);
	}

	/** Accrues fees directly: investors {@code <batch>-<n>}, amounts 1.01, 1.02 ... */
	private BigDecimal accrue(String batch, UUID vehicle, int investors, int feesEach) {
		this.jdbc.sql("""
				INSERT INTO fee (id, subscription_id, investor_id, vehicle_id, fee_type, period, amount, currency,
				                 status, accrued_at)
				SELECT gen_random_uuid(), gen_random_uuid(), :batch || (n % :investors), :vehicle, 'MANAGEMENT',
				       '2026-Q' || (1 + n % 4), 1 + n / 100.0, 'EUR', 'ACCRUED', now()
				  FROM generate_series(1, :count) AS n
				""")
			.param("batch", batch)
			.param("investors", investors)
			.param("vehicle", vehicle)
			.param("count", investors * feesEach)
			.update();
		return this.jdbc.sql("SELECT sum(amount) FROM fee WHERE investor_id LIKE ?")
			.param(batch + "%")
			.query(BigDecimal.class)
			.single();
	}

	private long count(String sql, String batch) {
		return this.jdbc.sql(sql).param(batch + "%").query(Long.class).single();
	}

}
