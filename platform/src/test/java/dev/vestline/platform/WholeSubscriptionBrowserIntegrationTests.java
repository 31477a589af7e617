package dev.vestline.platform;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openqa.selenium.support.ui.Select;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue #22's whole subscription, in real browsers only: the platform as
 * {@code ./vestline} runs it (four services on one broker, the identity provider, the
 * mail server, the console) and people who use nothing but the console, their mailbox and
 * the signing page. Operations creates the deal and sets the vehicle's arranger, billing
 * its fee schedule, an approver enters the investor's subscription, compliance and
 * operations decide the two steps, investor and arranger sign from their mails, billing
 * runs the invoice, operations uploads the bank's statement and accepts the matches, and
 * the position shows. The test itself calls no API: it reads the mailbox (as the signers
 * do) and writes the bank's camt.053 file (as the bank does).
 */
@Timeout(value = 20, unit = TimeUnit.MINUTES)
class WholeSubscriptionBrowserIntegrationTests {

	private static final Path REPOSITORY = Path.of("..").toAbsolutePath().normalize();

	/** An ISO 11649 creditor reference, as billing prints it on the invoice. */
	private static final Pattern RF_REFERENCE = Pattern.compile("RF\\d{2}[0-9A-Z]{1,21}");

	private static final String RUN = UUID.randomUUID().toString().substring(0, 8);

	private static final String INVESTOR = "inv-" + RUN;

	private static final String INVESTOR_MAIL = "ingrid." + RUN + "@investor.example.org";

	private static final String ARRANGER_MAIL = "arne." + RUN + "@northwind.example.org";

	private static LocalPlatform platform;

	private static ConsoleProcess console;

	/** Each staff member's browser, by name, closed when the journey ends. */
	private static final Map<String, JourneyBrowser> people = new LinkedHashMap<>();

	/** Under target/, so the services' logs outlive a failed run. */
	private static final Path HOME = Path.of("target", "journey", "run-" + System.currentTimeMillis()).toAbsolutePath();

	@BeforeAll
	static void startThePlatformAndTheConsole() {
		// no scheduled invoice run or management fees: billing's person runs the invoice
		platform = LocalPlatform.start(PlatformOptions.forTests(HOME, REPOSITORY, Map.of("billing",
				Map.of("vestline.billing.invoices.run-cron", "-", "vestline.billing.management-fees.cron", "-"))));
		console = platform.console();
		console.start(platform.issuer(), platform.baseUrls(), platform.bootstrapServers(), LocalPlatform.START_TIMEOUT);
	}

	@AfterAll
	static void stopEverything() {
		people.values().forEach(JourneyBrowser::close);
		if (console != null) {
			console.close();
		}
		if (platform != null) {
			platform.close();
		}
	}

	@Test
	void carriesOneSubscriptionFromANewDealToAPositionThroughTheConsoleAndTheSigningPageOnly() throws Exception {
		Vehicle vehicle = operationsCreatesTheDealAndSetsTheArranger();
		billingCreatesTheFeeSchedule(vehicle.id());
		Entered entered = anApproverEntersTheSubscription(vehicle.deal());
		JourneyBrowser oscar = staff("oscar");
		oscar.open("/approvals/" + entered.approval());
		decide("carla", entered.approval(), "06-compliance-approves", "Pending at step 2 of 2");
		// oscar's open page hears of it from the console's own consumer and reads it
		// again
		oscar.awaitText("#live-note", "carla");
		assertThat(oscar.text("main")).contains("Pending at step 2 of 2");
		oscar.check("06-operations-sees-it-live");
		decide("oscar", entered.approval(), "07-operations-approves", "Granted by oscar");
		UUID workflow = operationsSeesTheSubscriptionPackOpen();
		theSignersSignFromTheirMails(workflow);
		Invoice invoice = billingRunsTheInvoice(entered.subscription());
		operationsReconcilesTheStatement(invoice);
		operationsSeesThePosition(vehicle.id());
		billingSeesTheInvoicePaid(invoice);
	}

	private Vehicle operationsCreatesTheDealAndSetsTheArranger() {
		JourneyBrowser oscar = staff("oscar");
		oscar.open("/deals");
		oscar.awaitVisible("#new-deal").click();
		oscar.awaitText("h1", "Create a deal");
		oscar.type("#deal-name", "Northwind Growth II " + RUN);
		oscar.type("#deal-capacity", "1000000.00");
		UUID vehicle = UUID.fromString(oscar.value("#deal-vehicleId"));
		oscar.check("01-deal-form");
		oscar.find("#create-deal").click();
		oscar.awaitText("#created", "The deal is created");
		assertThat(oscar.text("#vehicle")).isEqualTo(vehicle.toString());
		UUID deal = UUID.fromString(oscar.path().substring("/deals/".length()));
		oscar.check("02-deal");

		oscar.find("#vehicle-signers").click();
		oscar.awaitText("h1", "Who signs for vehicle");
		oscar.type("#party-name", "Northwind Arrangers");
		oscar.type("#party-partyId", "arr-" + RUN);
		oscar.type("#party-email", ARRANGER_MAIL);
		oscar.find("#set-party").click();
		oscar.awaitText("#set", "The arranger is set");
		assertThat(oscar.text("#parties")).contains("Northwind Arrangers", ARRANGER_MAIL);
		oscar.check("03-vehicle-arranger");
		return new Vehicle(vehicle, deal);
	}

	private void billingCreatesTheFeeSchedule(UUID vehicle) {
		JourneyBrowser bianca = staff("bianca");
		bianca.open("/billing/fee-schedules");
		bianca.type("#vehicleId", vehicle.toString());
		bianca.type("#subscriptionFeeBps", "100");
		bianca.type("#managementFeeBps", "200");
		bianca.find("#create").click();
		bianca.awaitText(".notice.success", "The fee schedule is created");
		bianca.check("04-fee-schedule");
	}

	private Entered anApproverEntersTheSubscription(UUID deal) {
		JourneyBrowser anna = staff("anna");
		anna.open("/approvals");
		anna.awaitVisible("#new-subscription").click();
		anna.awaitText("h1", "Enter a subscription");
		new Select(anna.find("#request-dealId")).selectByValue(deal.toString());
		anna.type("#request-investorId", INVESTOR);
		anna.type("#request-investorName", "Ingrid Investor");
		anna.type("#request-investorEmail", INVESTOR_MAIL);
		anna.type("#request-amount", "250000.00");
		anna.check("05-subscription-form");
		anna.find("#request").click();
		anna.awaitText("#requested", "The subscription is entered");
		assertThat(anna.text("main")).contains("250,000.00 EUR", "Pending at step 1 of 2, waiting for compliance");
		UUID approval = UUID.fromString(anna.path().substring("/approvals/".length()));
		UUID subscription = UUID.fromString(anna.text("#subscription"));
		anna.check("05-subscription-entered");
		return new Entered(approval, subscription);
	}

	/**
	 * A staff member finds the approval in the queue and approves the step that is
	 * theirs.
	 */
	private void decide(String person, UUID approval, String screenshot, String outcome) {
		JourneyBrowser staff = staff(person);
		staff.open("/approvals");
		staff.awaitVisible("a[href='/approvals/" + approval + "']").click();
		staff.awaitVisible("#approve").click();
		staff.awaitText(".notice.success", "You approved the step");
		assertThat(staff.text("main")).contains(outcome);
		staff.check(screenshot);
	}

	private UUID operationsSeesTheSubscriptionPackOpen() {
		JourneyBrowser oscar = staff("oscar");
		oscar.reloadUntil("/signing?state=OPEN", ".workflow h2", INVESTOR);
		oscar.find(".workflow h2 a").click();
		oscar.awaitText("h1", "Subscription pack of " + INVESTOR);
		UUID workflow = UUID.fromString(oscar.path().substring("/signing/".length()));
		oscar.check("08-signing-open");
		return workflow;
	}

	private void theSignersSignFromTheirMails(UUID workflow) {
		Map<String, String> links = new SigningLinks(platform.mailbox()).awaitUrls(workflow,
				Map.of("INVESTOR", INVESTOR_MAIL, "ARRANGER", ARRANGER_MAIL), JourneyBrowser.PATIENCE);
		sign(links.get("INVESTOR"), "Ingrid Investor", "09-investor-signs");
		sign(links.get("ARRANGER"), "Arne Arranger", "10-arranger-signs");
	}

	private void sign(String link, String name, String screenshot) {
		try (JourneyBrowser signer = JourneyBrowser.signer()) {
			signer.open(link);
			signer.awaitVisible("#consent").click();
			signer.type("#typedName", name);
			signer.find(".sign button[type=submit]").click();
			signer.awaitText("h1", "Thank you, you have signed");
			signer.check(screenshot);
		}
	}

	private Invoice billingRunsTheInvoice(UUID subscription) {
		JourneyBrowser bianca = staff("bianca");
		bianca.reloadUntil("/billing/fees?subscription=" + subscription, "table", "2,500.00 EUR");
		bianca.check("11-fee-accrued");
		bianca.open("/billing/invoice-runs");
		bianca.awaitVisible("#start-run").click();
		bianca.awaitText("#run-done", "The invoice run has finished");
		bianca.check("12-invoice-run");
		bianca.find("#run-done a[href^='/billing/invoices']").click();
		bianca.awaitText("h1", "Invoices");
		// the run lists what it issued; the investor's invoice among them, by the
		// filter
		bianca.open("/billing/invoices?status=ISSUED&investor=" + INVESTOR);
		bianca.awaitVisible("tr.invoice a[href^='/billing/invoices/']").click();
		bianca.awaitText("h1", "Invoice INV-");
		Matcher reference = RF_REFERENCE.matcher(bianca.text(".facts"));
		assertThat(reference.find()).as("the invoice's payment reference").isTrue();
		bianca.check("13-invoice");
		return new Invoice(bianca.path(), reference.group(), new BigDecimal("2500.00"));
	}

	private void operationsReconcilesTheStatement(Invoice invoice) throws Exception {
		Path statement = Files.writeString(HOME.resolve("statement-" + RUN + ".xml"),
				new CamtStatement("STMT-" + RUN, LocalDate.now())
					.credit("BANK-" + RUN + "-1", new BigDecimal("250000.00"), "EUR", "Ingrid Investor",
							"Subscription " + INVESTOR)
					.creditWithReference("BANK-" + RUN + "-2", invoice.total(), "EUR", "Ingrid Investor",
							invoice.reference())
					.xml());
		JourneyBrowser oscar = staff("oscar");
		oscar.open("/reconciliation");
		oscar.awaitVisible("#statement").sendKeys(statement.toString());
		oscar.find("#upload-button").click();
		oscar.awaitText("#summary", "2 new");
		oscar.check("14-statement-uploaded");
		oscar.reloadUntil("/reconciliation", ".lines", "Accept");
		oscar.check("15-desk-suggestions");
		for (int accepted = 1; accepted <= 2; accepted++) {
			oscar.reloadUntil("/reconciliation", ".lines", "Accept");
			oscar.find(".lines button.accept").click();
			oscar.awaitText("#decided", "You accepted the match");
			oscar.check("16-match-accepted-" + accepted);
		}
		oscar.open("/reconciliation");
		oscar.awaitText("main", "Every credit is matched");
	}

	private void operationsSeesThePosition(UUID vehicle) {
		JourneyBrowser oscar = staff("oscar");
		oscar.open("/reconciliation/positions?investor=" + INVESTOR);
		oscar.awaitVisible("a[href='/reconciliation/positions/" + INVESTOR + "/" + vehicle + "']").click();
		oscar.awaitText("#holding", "250,000.00 EUR");
		assertThat(oscar.text("#holding")).startsWith("250000");
		oscar.check("17-position");
	}

	private void billingSeesTheInvoicePaid(Invoice invoice) {
		JourneyBrowser bianca = staff("bianca");
		bianca.reloadUntil(invoice.path(), ".facts dd", "Paid");
		assertThat(bianca.text("main")).contains("2,500.00 EUR", invoice.reference());
		bianca.check("18-invoice-paid");
	}

	/**
	 * A staff member's browser, signed in on first use and kept open for their next step,
	 * as a person keeps the console open (and one browser started instead of one per
	 * step: each is a Chromium process, its driver and a sign-in).
	 */
	private static JourneyBrowser staff(String person) {
		return people.computeIfAbsent(person, (name) -> JourneyBrowser.staff(console.url(), name, platform.password()));
	}

	private record Vehicle(UUID id, UUID deal) {
	}

	private record Entered(UUID approval, UUID subscription) {
	}

	private record Invoice(String path, String reference, BigDecimal total) {
	}

}
