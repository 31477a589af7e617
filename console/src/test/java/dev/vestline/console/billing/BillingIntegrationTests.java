package dev.vestline.console.billing;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.vestline.console.support.BillingArrange;
import dev.vestline.console.support.ConsoleTest;
import dev.vestline.console.support.SignedIn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The billing area over real HTTP: bianca (billing) signed in through the identity
 * provider, the console calling a real billing-service (its jar, on real PostgreSQL and
 * Kafka) with her token; fees accrued from signed packs published to
 * {@code signature.events}, payments through the signed webhook.
 */
class BillingIntegrationTests extends ConsoleTest {

	@Test
	void listsInvoicesByStatusAndShowsOneWithItsLinesAndPayments() {
		BillingArrange arrange = backends().billingArrange();
		String investor = investor();
		UUID subscription = arrange.signedPack(arrange.vehicleWithSchedule(100), investor, "50000.00");
		UUID invoice = arrange.invoiceFor(investor);
		arrange.pay(invoice, "100.00");
		SignedIn bianca = SignedIn.as("bianca", backends());

		HttpResponse<String> issued = bianca.get("/billing/invoices?status=ISSUED&investor=" + investor);
		HttpResponse<String> paid = bianca.get("/billing/invoices?status=PAID&investor=" + investor);
		HttpResponse<String> page = bianca.get("/billing/invoices/" + invoice);

		String number = arrange.invoice(invoice).path("invoiceNumber").asString();
		assertThat(issued.statusCode()).isEqualTo(200);
		assertThat(issued.body()).contains(number, "Issued, partly paid", "500.00 EUR", "100.00 EUR");
		assertThat(paid.body()).doesNotContain(number).contains("No invoices with these filters");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("Invoice <span>" + number, "Subscription fee", subscription.toString(),
				"Payment provider", "400.00 EUR", "Void the invoice");
	}

	@Test
	void voidsAnInvoiceWithAReasonAsThePerson() {
		BillingArrange arrange = backends().billingArrange();
		UUID invoice = invoiceOfASignedPack(arrange, "20000.00");

		HttpResponse<String> voided = InvoicePage.openedByBianca(invoice).voidWith("Billed to the wrong vehicle");

		assertThat(voided.statusCode()).isEqualTo(200);
		assertThat(voided.body()).contains("You voided the invoice", "Billed to the wrong vehicle")
			.doesNotContain("id=\"void\"");
		assertThat(arrange.invoice(invoice).path("status").asString()).isEqualTo("VOID");
		assertThat(arrange.invoice(invoice).path("voidReason").asString()).isEqualTo("Billed to the wrong vehicle");
	}

	@Test
	void explainsAStaleViewWithTheInvoiceAsItIsNowAndVoidsNothing() {
		BillingArrange arrange = backends().billingArrange();
		UUID invoice = invoiceOfASignedPack(arrange, "30000.00");
		InvoicePage page = InvoicePage.openedByBianca(invoice);
		arrange.pay(invoice, "50.00"); // the invoice changes after the page was read

		HttpResponse<String> stale = page.voidWith("Duplicate");

		assertThat(stale.statusCode()).isEqualTo(412);
		assertThat(stale.body()).contains("This page was out of date", "Nothing was changed",
				"<strong>Issued, partly paid</strong>", "50.00 EUR</span> paid of <span>300.00 EUR");
		assertThat(arrange.invoice(invoice).path("status").asString()).isEqualTo("ISSUED");
	}

	@Test
	void saysInWordsThatAPartlyPaidInvoiceCannotBeVoided() {
		BillingArrange arrange = backends().billingArrange();
		UUID invoice = invoiceOfASignedPack(arrange, "30000.00");
		arrange.pay(invoice, "50.00");

		HttpResponse<String> refused = InvoicePage.openedByBianca(invoice).voidWith("Duplicate");

		assertThat(refused.statusCode()).isEqualTo(409);
		assertThat(refused.body()).contains("id=\"refusal\"", "role=\"alert\"").containsIgnoringCase("paid");
		assertThat(arrange.invoice(invoice).path("status").asString()).isEqualTo("ISSUED");
	}

	@Test
	void marksTheReasonFieldWhenAVoidHasNone() {
		BillingArrange arrange = backends().billingArrange();
		UUID invoice = invoiceOfASignedPack(arrange, "10000.00");

		HttpResponse<String> refused = InvoicePage.openedByBianca(invoice).voidWith("  ");

		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(refused.body()).containsPattern("id=\"void-reason\"[^>]*aria-invalid=\"true\"")
			.contains("aria-describedby=\"void-reason-error\"", "id=\"void-reason-error\"");
		assertThat(arrange.invoice(invoice).path("status").asString()).isEqualTo("ISSUED");
	}

	@Test
	void startsTheInvoiceRunOnceForOneFormShowsItsProgressWhileItRunsAndThenWhatItIssued() throws Exception {
		BillingArrange arrange = backends().billingArrange();
		String investor = investor();
		arrange.signedPack(arrange.vehicleWithSchedule(200), investor, "10000.00");
		SignedIn bianca = SignedIn.as("bianca", backends());
		String page = bianca.get("/billing/invoice-runs").body();
		String key = SignedIn.field(page, "key");
		String runPage;
		try (Connection held = BillingArrange.holdInvoiceRuns(backends().billingDatabase())) {
			HttpResponse<String> run = bianca.submit(page, "/billing/invoice-runs", Map.of("key", key));
			HttpResponse<String> again = bianca.submit(page, "/billing/invoice-runs", Map.of("key", key));

			assertThat(run.statusCode()).isEqualTo(200);
			runPage = run.uri().getPath();
			assertThat(runPage).startsWith("/billing/invoice-runs/");
			assertThat(again.uri().getPath()).as("the same form again: the same run").isEqualTo(runPage);
			// billing counts the groups, then the held lock stops it at the first one
			String going = await("the run's groups counted").atMost(Duration.ofSeconds(90))
				.until(() -> bianca.getAsHtmx(runPage).body(), (body) -> body.contains("groups billed"));
			assertThat(going)
				.contains("hx-trigger=\"every 2s\"", "hx-get=\"" + runPage + "\"", "<progress", "value=\"0\"",
						"Running: 0 of", "Started by bianca")
				.containsPattern("max=\"[1-9][0-9]*\"");
			held.rollback();
		}
		String finished = await("the run finished").atMost(Duration.ofSeconds(90))
			.until(() -> bianca.getAsHtmx(runPage).body(), (body) -> !body.contains("hx-trigger"));
		assertThat(finished).contains("The invoice run has finished", "Finished: ", "invoice")
			.doesNotContain("<progress");
		assertThat(arrange.invoicesOf(investor)).hasSize(1);
		assertThat(bianca.get("/billing/invoice-runs").body()).as("among the recent runs")
			.contains("Recent runs", "href=\"" + runPage + "\"");
	}

	@Test
	void startingTheRunUnderHtmxShowsTheRunInPlaceAndGivesTheFormANewKey() throws Exception {
		backends().billingArrange(); // billing-service up
		SignedIn bianca = SignedIn.as("bianca", backends());
		String page = bianca.get("/billing/invoice-runs").body();
		String key = SignedIn.field(page, "key");
		HttpResponse<String> started = bianca.submitAsHtmx(page, "/billing/invoice-runs", Map.of("key", key));

		assertThat(started.statusCode()).isEqualTo(200);
		assertThat(started.body()).contains("id=\"run\"", "hx-swap-oob=\"true\"").doesNotContain("<html");
		assertThat(SignedIn.field(started.body(), "key")).isNotEqualTo(key);
		String runPage = started.body().replaceAll("(?s).*href=\"(/billing/invoice-runs/[^\"]+)\".*", "$1");
		await("the run finished").atMost(Duration.ofSeconds(90))
			.until(() -> bianca.getAsHtmx(runPage).body(), (body) -> body.contains("id=\"run-done\""));
	}

	@Test
	void createsAndChangesAFeeScheduleAndMarksTheFieldTheServiceRefused() {
		UUID vehicle = UUID.randomUUID();
		backends().billingArrange(); // billing-service up
		SignedIn bianca = SignedIn.as("bianca", backends());
		HttpResponse<String> missing = bianca.get("/billing/fee-schedules?vehicle=" + vehicle);
		assertThat(missing.statusCode()).isEqualTo(404);
		assertThat(missing.body()).contains("has no fee schedule yet");

		HttpResponse<String> created = bianca.submit(missing.body(), "/billing/fee-schedules",
				Map.of("key", SignedIn.field(missing.body(), "key"), "vehicleId", vehicle.toString(), "currency", "EUR",
						"subscriptionFeeBps", "150", "subscriptionFeeMinimum", "250.00", "managementFeeBps", "100"));
		assertThat(created.statusCode()).isEqualTo(200);
		assertThat(created.body()).contains("The fee schedule is created", "150</span> basis points",
				"at least <span>250.00", "by <span>bianca");

		HttpResponse<String> refused = bianca.submit(created.body(), "/billing/fee-schedules/" + vehicle,
				Map.of("etag", SignedIn.field(created.body(), "etag"), "vehicleId", vehicle.toString(), "currency",
						"EUR", "subscriptionFeeBps", "1.5", "subscriptionFeeMinimum", "", "managementFeeBps", "100"));
		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(refused.body()).containsPattern("id=\"subscriptionFeeBps\"[^>]*aria-invalid=\"true\"")
			.doesNotContainPattern("id=\"managementFeeBps\"[^>]*aria-invalid");

		HttpResponse<String> changed = bianca.submit(created.body(), "/billing/fee-schedules/" + vehicle,
				Map.of("etag", SignedIn.field(created.body(), "etag"), "vehicleId", vehicle.toString(), "currency",
						"EUR", "subscriptionFeeBps", "175", "subscriptionFeeMinimum", "", "managementFeeBps", "100"));
		assertThat(changed.body()).contains("The fee schedule is changed", "175</span> basis points");

		HttpResponse<String> stale = bianca.submit(created.body(), "/billing/fee-schedules/" + vehicle,
				Map.of("etag", SignedIn.field(created.body(), "etag"), "vehicleId", vehicle.toString(), "currency",
						"EUR", "subscriptionFeeBps", "300", "subscriptionFeeMinimum", "", "managementFeeBps", "100"));
		assertThat(stale.statusCode()).isEqualTo(412);
		assertThat(stale.body()).contains("This page was out of date", "Your change was not made",
				"175</span> basis points");
	}

	@Test
	void pagesThroughAnInvestorsInvoicesWithTheApisCursorAndGivesHtmxOnlyTheNextRows() {
		BillingArrange arrange = backends().billingArrange();
		String investor = investor();
		for (int i = 0; i < InvoicesApi.PAGE + 1; i++) {
			arrange.signedPack(arrange.vehicleWithSchedule(100), investor, "1000.00");
		}
		arrange.invoiceFor(investor);
		SignedIn bianca = SignedIn.as("bianca", backends());

		String first = bianca.get("/billing/invoices?investor=" + investor).body();
		String cursor = first.replaceAll("(?s).*href=\"/billing/invoices\\?investor=[^&]+&amp;after=([^\"]+)\".*",
				"$1");
		String next = bianca.getAsHtmx("/billing/invoices?investor=" + investor + "&after=" + cursor).body();

		assertThat(first.split("class=\"invoice\"", -1)).hasSize(InvoicesApi.PAGE + 1);
		assertThat(first).contains("Show more invoices");
		assertThat(next).doesNotContain("<html", "<header", "Show more invoices");
		assertThat(next.split("class=\"invoice\"", -1)).hasSize(2);
	}

	@Test
	void pagesThroughAnInvestorsStatementWithTheApisCursor() {
		BillingArrange arrange = backends().billingArrange();
		String investor = investor();
		for (int i = 0; i < InvoicesApi.PAGE + 1; i++) {
			arrange.signedPack(arrange.vehicleWithSchedule(100), investor, "1000.00");
		}
		arrange.invoiceFor(investor);
		SignedIn bianca = SignedIn.as("bianca", backends());

		String first = bianca.get("/billing/investors/" + investor).body();
		String cursor = first.replaceAll("(?s).*href=\"/billing/investors/[^?]+\\?after=([^\"]+)\".*", "$1");
		String next = bianca.getAsHtmx("/billing/investors/" + investor + "?after=" + cursor).body();

		assertThat(first.split("Invoice issued", -1)).hasSize(InvoicesApi.PAGE + 1);
		assertThat(first).contains("Show more of the statement", "No credit");
		assertThat(next).doesNotContain("<html", "Show more of the statement");
		assertThat(next.split("Invoice issued", -1)).hasSize(2);
	}

	@Test
	void showsAnInvestorsCreditAndPaysAnInvoiceWithIt() {
		BillingArrange arrange = backends().billingArrange();
		String investor = investor();
		arrange.signedPack(arrange.vehicleWithSchedule(100), investor, "10000.00");
		UUID overpaid = arrange.invoiceFor(investor);
		arrange.pay(overpaid, "130.00"); // 100.00 due: 30.00 becomes credit
		arrange.signedPack(arrange.vehicleWithSchedule(100), investor, "5000.00");
		UUID next = arrange.invoiceFor(investor);
		SignedIn bianca = SignedIn.as("bianca", backends());

		String statement = bianca.get("/billing/investors/" + investor).body();
		String page = bianca.get("/billing/invoices/" + next).body();
		HttpResponse<String> paid = bianca.submit(page, "/billing/invoices/" + next + "/credit",
				Map.of("etag", SignedIn.field(page, "etag"), "key", SignedIn.field(page, "key")));

		assertThat(statement).contains("30.00 EUR", "Invoice issued", "Payment provider", "Credit received");
		assertThat(page).contains("The investor has <strong>30.00 EUR</strong> of credit");
		assertThat(paid.statusCode()).isEqualTo(200);
		assertThat(paid.body()).contains("You paid the invoice with the investor", "30.00 EUR", "Investor credit");
		assertThat(arrange.invoice(next).path("amountPaid").asString()).isEqualTo("30.00");
	}

	@Test
	void showsAPersonWithoutTheBillingRoleAForbiddenPageInWordsAndNoBillingInTheNavigation() {
		backends().billingArrange(); // billing-service up: the refusal is the service's
		SignedIn carla = SignedIn.as("carla", backends());

		HttpResponse<String> forbidden = carla.get("/billing/invoices");
		HttpResponse<String> runForm = carla.get("/billing/invoice-runs");
		HttpResponse<String> scheduleForm = carla.get("/billing/fee-schedules");

		assertThat(forbidden.statusCode()).isEqualTo(403);
		assertThat(forbidden.body())
			.contains("This is not for your roles", "<strong>carla</strong>",
					"Billing</span> area is for people with the role", "<strong>billing</strong>")
			.doesNotContain("href=\"/billing\"");
		assertThat(runForm.statusCode()).as("a form the service would refuse is not shown").isEqualTo(403);
		assertThat(runForm.body()).contains("This is not for your roles").doesNotContain("start-run");
		assertThat(scheduleForm.statusCode()).isEqualTo(403);
	}

	private static String investor() {
		return "inv-" + UUID.randomUUID().toString().substring(0, 8);
	}

	/**
	 * A new investor's signed pack on a vehicle with a 1 % schedule, billed by an invoice
	 * run.
	 * @return the investor's issued invoice
	 */
	private static UUID invoiceOfASignedPack(BillingArrange arrange, String amount) {
		String investor = investor();
		arrange.signedPack(arrange.vehicleWithSchedule(100), investor, amount);
		return arrange.invoiceFor(investor);
	}

	/**
	 * An invoice's page as bianca opened it, and its void form sent from that page.
	 *
	 * @param invoice the invoice
	 * @param bianca bianca, signed in
	 * @param page the page as she read it, with its ETag
	 */
	private record InvoicePage(UUID invoice, SignedIn bianca, String page) {

		static InvoicePage openedByBianca(UUID invoice) {
			SignedIn bianca = SignedIn.as("bianca", backends());
			return new InvoicePage(invoice, bianca, bianca.get("/billing/invoices/" + invoice).body());
		}

		HttpResponse<String> voidWith(String reason) {
			return this.bianca.submit(this.page, "/billing/invoices/" + this.invoice + "/void",
					Map.of("etag", SignedIn.field(this.page, "etag"), "reason", reason));
		}

	}

}
