package dev.vestline.console.live;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import dev.vestline.console.support.Arrange;
import dev.vestline.console.support.BillingArrange;
import dev.vestline.console.support.ConsoleBrowser;
import dev.vestline.console.support.ConsoleTest;
import dev.vestline.console.support.SigningArrange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Live updates in a real browser (headless Chromium, under the console's strict CSP): a
 * page someone has open shows another person's decision without being reloaded, says so
 * politely, and keeps what its reader was typing.
 */
class LiveUpdatesBrowserIntegrationTests extends ConsoleTest {

	private static final Duration PATIENCE = Duration.ofSeconds(120);

	@Autowired
	private BrokerWatch broker;

	private final Arrange arrange = backends().arrange();

	@BeforeEach
	void consoleReadsItsTopics() {
		await().atMost(PATIENCE).until(this.broker::live);
	}

	@Test
	void anApprovalPageShowsAnotherPersonsDecisionWithoutReloading() {
		UUID approval = this.arrange.subscription(this.arrange.deal("Live Browser Fund", "5000000"), "ingrid", "5000");
		this.arrange.approve(approval, "cleo", "compliance");
		try (ConsoleBrowser carla = new ConsoleBrowser(backends()).signIn("carla");
				ConsoleBrowser oscar = new ConsoleBrowser(backends()).signIn("oscar")) {
			carla.open("/approvals/" + approval);
			carla.awaitText(".status", "waiting for operations");
			carla.script("window.notReloaded = true;");
			oscar.open("/approvals/" + approval);
			oscar.awaitVisible("#approve").click();
			oscar.awaitText(".notice.success", "You approved the step");

			carla.awaitText(".status", "Granted by oscar");
			carla.awaitText("#live-note",
					"A moment ago oscar approved step 2, the last: granted. The page shows it now.");
			assertThat(carla.script("return window.notReloaded === true;")).as("the same page, not reloaded")
				.isEqualTo(true);
			assertThat(carla.find("#live-note").getAttribute("role")).isEqualTo("status");
			assertThat(carla.text("#approval-history")).contains("oscar");
			assertThat(carla.seriousAxeViolations()).as("an approval updated live").isEmpty();
			carla.screenshot("live-approval-updated");
		}
	}

	@Test
	void whatAPersonTypesSurvivesAnUpdateAndTheirFormSaysItIsOutOfDate() {
		UUID approval = this.arrange.subscription(this.arrange.deal("Live Typing Fund", "5000000"), "ingrid", "5000");
		try (ConsoleBrowser carla = new ConsoleBrowser(backends()).signIn("carla")) {
			carla.open("/approvals/" + approval);
			carla.awaitVisible("#reason").sendKeys("The investor's papers are not complete");

			this.arrange.approve(approval, "cleo", "compliance");

			carla.awaitText(".status", "Pending at step 2 of 2, waiting for operations");
			carla.awaitText("#live-note", "A moment ago cleo approved step 1");
			carla.awaitText("#decision-stale", "The approval changed since this form was made");
			assertThat(carla.find("#reason").getAttribute("value")).isEqualTo("The investor's papers are not complete");
			assertThat(carla.text(".chain")).contains("approved by cleo");
			assertThat(carla.seriousAxeViolations()).as("an approval with a stale form").isEmpty();
			carla.screenshot("live-approval-stale-form");
		}
	}

	@Test
	void aWorkflowPageShowsASignatureWithoutReloading() {
		SigningArrange signing = backends().arrangeSigning();
		UUID workflow = signing.workflow("live-lena");
		try (ConsoleBrowser carla = new ConsoleBrowser(backends()).signIn("carla")) {
			carla.open("/signing/" + workflow);
			carla.awaitText(".status", "Waiting for signatures: 0 of 2 signed");
			carla.awaitVisible("#reason").sendKeys("The amount is wrong");
			carla.script("window.notReloaded = true;");

			signing.sign(signing.linkMailedTo(SigningArrange.investorEmail("live-lena")), "Lena Investor");
			backends().signature().forwardToConsole(workflow, "DocumentSigned");

			carla.awaitText(".status", "Waiting for signatures: 1 of 2 signed");
			carla.awaitText("#signer-status-INVESTOR", "Signed as “Lena Investor”");
			carla.awaitText("#live-note", "signed. The page shows it now.");
			carla.awaitText("#workflow-stale", "The workflow changed since this page was opened");
			assertThat(carla.script("return window.notReloaded === true;")).as("the same page, not reloaded")
				.isEqualTo(true);
			assertThat(carla.find("#reason").getAttribute("value")).isEqualTo("The amount is wrong");
			assertThat(carla.seriousAxeViolations()).as("a workflow updated live").isEmpty();
			carla.screenshot("live-workflow-signed");
		}
	}

	@Test
	void anInvoicePageShowsAPaymentWithoutReloading() {
		BillingArrange billing = backends().billingArrange();
		billing.signedPack(billing.vehicleWithSchedule(100), "live-ivo", "100000");
		UUID invoice = billing.invoiceFor("live-ivo");
		try (ConsoleBrowser bianca = new ConsoleBrowser(backends()).signIn("bianca")) {
			bianca.open("/billing/invoices/" + invoice);
			bianca.awaitText(".facts", "Issued, unpaid");
			bianca.awaitVisible("#void-reason").sendKeys("Billed twice");
			bianca.script("window.notReloaded = true;");

			billing.pay(invoice, "100.00");

			bianca.awaitText(".facts", "Issued, partly paid");
			bianca.awaitText("#invoice-payments", "Payment provider");
			bianca.awaitText("#live-note", "A moment ago the invoice changed: it is now Issued, partly paid");
			bianca.awaitText("#invoice-stale", "The invoice changed since this page was opened");
			assertThat(bianca.script("return window.notReloaded === true;")).as("the same page, not reloaded")
				.isEqualTo(true);
			assertThat(bianca.find("#void-reason").getAttribute("value")).isEqualTo("Billed twice");
			assertThat(bianca.seriousAxeViolations()).as("an invoice updated live").isEmpty();
			bianca.screenshot("live-invoice-paid");
		}
	}

}
