package dev.vestline.console.billing;

import java.sql.Connection;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import dev.vestline.console.support.BillingArrange;
import dev.vestline.console.support.ConsoleBrowser;
import dev.vestline.console.support.ConsoleTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The billing area in a real browser (headless Chromium): a fee schedule created and
 * refused on a field, a subscription's fees, an invoice run held mid-way with its
 * progress (groups billed of all) polled by htmx, then finished, an invoice voided with a
 * reason, a stale view, the forbidden page; axe-core on every page; the {@code billing-*}
 * screenshots in {@code docs/screenshots/console/} are written here.
 */
class BillingBrowserIntegrationTests extends ConsoleTest {

	@Test
	void billingCreatesAScheduleRunsTheInvoiceRunAndVoidsAnInvoiceWithAReason() throws Exception {
		BillingArrange arrange = backends().billingArrange();
		String investor = "browser-" + UUID.randomUUID().toString().substring(0, 8);
		UUID vehicle = UUID.randomUUID();
		try (ConsoleBrowser bianca = new ConsoleBrowser(backends()).signIn("bianca")) {
			assertThat(bianca.url()).as("billing's home").endsWith("/billing/invoices");
			bianca.open("/billing/fee-schedules");
			bianca.awaitText("h1", "Fee schedules");
			bianca.find("#vehicleId").sendKeys(vehicle.toString());
			bianca.find("#subscriptionFeeBps").sendKeys("100");
			bianca.find("#managementFeeBps").sendKeys("150");
			assertThat(bianca.seriousAxeViolations()).as("the fee schedules").isEmpty();
			bianca.screenshot("billing-fee-schedules");
			bianca.find("#create").click();

			bianca.awaitText(".notice.success", "The fee schedule is created");
			assertThat(bianca.text(".facts")).contains("100 basis points", "150 basis points a year", "bianca");
			assertThat(bianca.seriousAxeViolations()).as("a fee schedule").isEmpty();
			bianca.screenshot("billing-fee-schedule");

			UUID subscription = arrange.signedPack(vehicle, investor, "250000.00");
			bianca.open("/billing/fees?subscription=" + subscription);
			bianca.awaitText("table", "2,500.00 EUR");
			assertThat(bianca.text("table")).contains("Subscription fee", investor, "ACCRUED");
			assertThat(bianca.seriousAxeViolations()).as("the fees").isEmpty();
			bianca.screenshot("billing-fees");

			bianca.open("/billing/invoice-runs");
			bianca.awaitVisible("#start-run");
			String keyBefore = bianca.find("#run-key").getDomProperty("value");
			try (Connection held = BillingArrange.holdInvoiceRuns(backends().billingDatabase())) {
				bianca.find("#start-run").click();
				// billing counts the groups, then the held lock stops the run at the
				// first one:
				// the page asks for its progress every two seconds meanwhile
				bianca.awaitText("#run-progress", "groups billed");
				assertThat(bianca.find("#run-progress progress").getDomAttribute("max")).as("groups of all")
					.matches("[1-9][0-9]*");
				assertThat(bianca.find("#run-progress progress").getDomAttribute("value")).isEqualTo("0");
				// quickly: billing gives up a statement after 30 s (pgjdbc's
				// socketTimeout)
				bianca.screenshot("billing-invoice-run-progress");
				held.rollback();
			}
			bianca.awaitText("#run-done", "The invoice run has finished");
			assertThat(bianca.driver().findElements(By.id("run-progress"))).as("progress gone once finished").isEmpty();
			assertThat(bianca.find("#run-key").getDomProperty("value")).as("a new key for the next run")
				.isNotEqualTo(keyBefore);
			assertThat(bianca.seriousAxeViolations()).as("the finished run").isEmpty();
			bianca.screenshot("billing-invoice-run");

			UUID invoice = UUID.fromString(arrange.invoicesOf(investor).get(0).path("id").asString());
			bianca.open("/billing/invoices/" + invoice);
			bianca.awaitText("h1", "Invoice INV-");
			assertThat(bianca.text(".facts")).contains("Issued, unpaid", "2,500.00 EUR", investor);
			assertThat(bianca.seriousAxeViolations()).as("an invoice").isEmpty();
			bianca.screenshot("billing-invoice");
			bianca.find("#void-reason").sendKeys("The subscription was signed twice");
			bianca.find("#void").click();

			bianca.awaitText(".notice.success", "You voided the invoice");
			assertThat(bianca.text(".facts")).contains("Void", "The subscription was signed twice");
			assertThat(bianca.seriousAxeViolations()).as("a voided invoice").isEmpty();
			bianca.screenshot("billing-invoice-voided");

			bianca.open("/billing/invoices?investor=" + investor);
			bianca.awaitText("table", "Void");
			assertThat(bianca.seriousAxeViolations()).as("the invoices").isEmpty();
			bianca.screenshot("billing-invoices");

			bianca.open("/billing/investors/" + investor);
			bianca.awaitText("h1", "Investor " + investor);
			assertThat(bianca.text("main")).contains("Invoice issued", "Invoice voided");
			assertThat(bianca.seriousAxeViolations()).as("an investor").isEmpty();
			bianca.screenshot("billing-investor");
		}
		assertThat(arrange.invoicesOf(investor).get(0).path("voidReason").asString())
			.isEqualTo("The subscription was signed twice");
	}

	@Test
	void aStaleViewSaysWhatChangedShowsTheInvoiceAsItIsNowAndVoidsNothing() {
		BillingArrange arrange = backends().billingArrange();
		String investor = "browser-" + UUID.randomUUID().toString().substring(0, 8);
		arrange.signedPack(arrange.vehicleWithSchedule(100), investor, "40000.00");
		UUID invoice = arrange.invoiceFor(investor);
		try (ConsoleBrowser bianca = new ConsoleBrowser(backends()).signIn("bianca")) {
			bianca.open("/billing/invoices/" + invoice);
			bianca.awaitVisible("#void");
			arrange.pay(invoice, "150.00");

			bianca.find("#void-reason").sendKeys("Duplicate");
			bianca.find("#void").click();

			bianca.awaitText("#stale", "This page was out of date");
			assertThat(bianca.text("#stale")).contains("Nothing was changed", "Issued, partly paid",
					"150.00 EUR paid of 400.00 EUR");
			assertThat(bianca.text("main")).contains("Payment provider");
			assertThat(bianca.seriousAxeViolations()).as("the stale-view page").isEmpty();
			bianca.screenshot("billing-invoice-stale-view");
		}
		assertThat(arrange.invoice(invoice).path("status").asString()).isEqualTo("ISSUED");
	}

	@Test
	void aFieldTheServiceRefusesIsMarkedOnTheField() {
		UUID vehicle = backends().billingArrange().vehicleWithSchedule(100);
		try (ConsoleBrowser bianca = new ConsoleBrowser(backends()).signIn("bianca")) {
			bianca.open("/billing/fee-schedules/" + vehicle);
			bianca.awaitVisible("#subscriptionFeeBps").clear();
			bianca.find("#subscriptionFeeBps").sendKeys("1.5");

			bianca.find("#change").click();

			bianca.awaitText("#refusal", "The schedule was not changed");
			assertThat(bianca.find("#subscriptionFeeBps").getDomAttribute("aria-invalid")).isEqualTo("true");
			assertThat(bianca.find("#managementFeeBps").getDomAttribute("aria-invalid")).isNull();
			assertThat(bianca.text("#subscriptionFeeBps-error")).isNotBlank();
			assertThat(bianca.seriousAxeViolations()).as("a refused field").isEmpty();
			bianca.screenshot("billing-fee-schedule-refused");
		}
	}

	@Test
	void aPersonWithoutTheBillingRoleSeesAForbiddenPageInWords() {
		backends().billingArrange(); // billing-service up: the refusal is the service's
		try (ConsoleBrowser carla = new ConsoleBrowser(backends()).signIn("carla")) {
			assertThat(carla.text("header")).doesNotContain("Billing");

			carla.open("/billing/invoices");

			carla.awaitText("h1", "This is not for your roles");
			assertThat(carla.text("main")).contains("compliance",
					"The Billing area is for people with the role billing");
			assertThat(carla.seriousAxeViolations()).as("the forbidden page").isEmpty();
			carla.screenshot("billing-forbidden");
		}
	}

}
