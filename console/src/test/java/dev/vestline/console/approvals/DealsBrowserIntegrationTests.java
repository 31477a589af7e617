package dev.vestline.console.approvals;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.vestline.console.support.ConsoleBrowser;
import dev.vestline.console.support.ConsoleTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Deals in a real browser: the list, a new deal, a deal, a capacity change with a reason;
 * axe-core on each.
 */
class DealsBrowserIntegrationTests extends ConsoleTest {

	@Test
	void operationsChangesADealsCapacityWithAReason() {
		UUID deal = backends().arrange().deal("Browser Deal Fund III", "3000000");
		UUID granted = backends().arrange().subscription(deal, "gina", "900000");
		backends().arrange().approve(granted, "cleo", "compliance");
		backends().arrange().approve(granted, "carla", "operations");
		try (ConsoleBrowser oscar = new ConsoleBrowser(backends()).signIn("oscar")) {
			oscar.open("/deals");
			oscar.awaitText("main", "Browser Deal Fund III");
			assertThat(oscar.seriousAxeViolations()).as("the deals").isEmpty();

			oscar.open("/deals/" + deal);
			oscar.awaitVisible("#new-capacity").clear();
			oscar.find("#new-capacity").sendKeys("4000000");
			oscar.find("#change-reason").sendKeys("Second close approved by the investment committee");
			oscar.find("#change").click();

			oscar.awaitText(".notice.success", "The capacity is changed");
			assertThat(oscar.text(".history")).contains("oscar", "3,000,000.00 EUR → 4,000,000.00 EUR",
					"Second close approved by the investment committee");
			assertThat(oscar.text(".capacity")).contains("900,000.00 EUR reserved of 4,000,000.00 EUR (22%)");
			assertThat(oscar.seriousAxeViolations()).as("a deal").isEmpty();
			oscar.screenshot("deal");
		}
	}

	@Test
	void operationsCreatesADealByTyping() {
		try (ConsoleBrowser oscar = new ConsoleBrowser(backends()).signIn("oscar")) {
			oscar.open("/deals");
			oscar.awaitVisible("#new-deal").click();
			oscar.awaitText("h1", "Create a deal");
			String vehicle = oscar.find("#deal-vehicleId").getDomProperty("value");
			oscar.find("#deal-name").sendKeys("Typed Fund IV");
			oscar.find("#deal-capacity").sendKeys("lots");
			oscar.find("#create-deal").click();
			oscar.awaitText("#refusal", "The deal was not created");
			assertThat(oscar.find("#deal-capacity").getDomAttribute("aria-invalid")).isEqualTo("true");
			assertThat(oscar.seriousAxeViolations()).as("a refused new deal").isEmpty();

			oscar.find("#deal-capacity").clear();
			oscar.find("#deal-capacity").sendKeys("7500000");
			assertThat(oscar.seriousAxeViolations()).as("the new deal form").isEmpty();
			oscar.screenshot("deal-new");
			oscar.find("#create-deal").click();

			oscar.awaitText("#created", "The deal is created");
			assertThat(oscar.heading()).isEqualTo("Typed Fund IV");
			assertThat(oscar.text("#vehicle")).isEqualTo(vehicle);
			assertThat(oscar.text(".capacity")).contains("0.00 EUR reserved of 7,500,000.00 EUR");
		}
	}

}
