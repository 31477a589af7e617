package dev.vestline.console.approvals;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.vestline.console.support.ConsoleBrowser;
import dev.vestline.console.support.ConsoleTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Deals in a real browser: the list, a deal, a capacity change with a reason; axe-core on
 * each.
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

}
