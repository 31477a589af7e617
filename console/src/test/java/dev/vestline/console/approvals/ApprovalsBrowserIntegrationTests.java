package dev.vestline.console.approvals;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import dev.vestline.console.support.ConsoleBrowser;
import dev.vestline.console.support.ConsoleTest;
import dev.vestline.testharness.Race;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The approvals area in a real browser (headless Chromium): signing in on the provider's
 * form, the queue, approving, two people deciding the same step at the same moment, a
 * stale view, a person without the role; axe-core on every page; the screenshots in
 * {@code docs/screenshots/console/} are written here.
 */
class ApprovalsBrowserIntegrationTests extends ConsoleTest {

	@Test
	void aPersonSignsInSeesTheQueueAndApprovesAStep() {
		UUID deal = backends().arrange().deal("Browser Growth Fund II", "5000000");
		UUID granted = backends().arrange().subscription(deal, "gina", "750000");
		backends().arrange().approve(granted, "cleo", "compliance");
		backends().arrange().approve(granted, "oscar", "operations"); // reserves 750,000
																		// of the capacity
		backends().arrange().subscription(deal, "ivan", "250000");
		UUID approval = backends().arrange().subscription(deal, "ingrid", "1000000");
		try (ConsoleBrowser carla = new ConsoleBrowser(backends()).signIn("carla")) {
			carla.open("/approvals?deal=" + deal);
			carla.awaitText("h1", "Approvals waiting for a decision");
			assertThat(carla.text(".queue")).contains("Yours to decide", "Browser Growth Fund II", "ingrid",
					"750,000.00 EUR reserved of 5,000,000.00 EUR (15%)");
			assertThat(carla.seriousAxeViolations()).as("the queue").isEmpty();
			carla.screenshot("approvals-queue");

			carla.find("a[href='/approvals/" + approval + "']").click();
			carla.awaitText("h1", "Subscription of ingrid");
			assertThat(carla.seriousAxeViolations()).as("an approval").isEmpty();
			carla.screenshot("approval");
			carla.find("#approve").click();

			carla.awaitText(".notice.success", "You approved the step");
			assertThat(carla.text(".chain")).contains("approved by carla");
			assertThat(carla.seriousAxeViolations()).as("a decided approval").isEmpty();
			carla.screenshot("approval-approved");
		}
		assertThat(backends().arrange().approval(approval).path("steps").get(0).path("approvedBy").asString())
			.isEqualTo("carla");
	}

	@Test
	void twoPeopleDecidingTheSameStepAtOnceOneWinsAndTheOtherSeesWhoAndTheCurrentState() {
		UUID approval = backends().arrange()
			.subscription(backends().arrange().deal("Browser Race Fund", "5000000"), "ingrid", "5000");
		try (ConsoleBrowser carla = new ConsoleBrowser(backends()).signIn("carla");
				ConsoleBrowser cleo = new ConsoleBrowser(backends()).signIn("cleo")) {
			List<ConsoleBrowser> people = List.of(carla, cleo);
			people.forEach((person) -> {
				person.open("/approvals/" + approval);
				person.awaitVisible("#approve");
			});

			Race.run(2, (i) -> {
				people.get(i).find("#approve").click();
				return i;
			});

			people.forEach(ApprovalsBrowserIntegrationTests::awaitOutcome);
			String winner = backends().arrange().approval(approval).path("steps").get(0).path("approvedBy").asString();
			ConsoleBrowser won = winner.equals("carla") ? carla : cleo;
			ConsoleBrowser lost = winner.equals("carla") ? cleo : carla;
			assertThat(won.text(".notice.success")).contains("You approved the step");
			assertThat(lost.text("#overtaken")).contains(winner, "approved step 1", "Your decision was not recorded");
			assertThat(lost.text(".status")).contains("Pending at step 2 of 2, waiting for operations");
			assertThat(lost.seriousAxeViolations()).as("the overtaken page").isEmpty();
			lost.screenshot("approval-lost-race");
		}
	}

	@Test
	void aStaleViewSaysWhoDecidedSinceAndShowsTheApprovalAsItIsNow() {
		UUID approval = backends().arrange()
			.subscription(backends().arrange().deal("Browser Stale Fund", "5000000"), "ingrid", "5000");
		try (ConsoleBrowser carla = new ConsoleBrowser(backends()).signIn("carla")) {
			carla.open("/approvals/" + approval);
			carla.awaitVisible("#approve");
			backends().arrange().approve(approval, "cleo", "compliance");

			carla.find("#approve").click();

			carla.awaitText("#overtaken", "This page was out of date");
			assertThat(carla.text("#overtaken")).contains("cleo", "approved step 1", "Your decision was not recorded");
			assertThat(carla.text(".chain")).contains("approved by cleo");
			assertThat(carla.seriousAxeViolations()).as("the stale-view page").isEmpty();
			carla.screenshot("approval-stale-view");
		}
	}

	@Test
	void aPersonWithoutAnApprovalRoleSeesAForbiddenPageInWordsAndCanSignOut() {
		try (ConsoleBrowser bianca = new ConsoleBrowser(backends()).signIn("bianca")) {
			assertThat(bianca.url()).as("the billing role's own area").endsWith("/billing/invoices");
			assertThat(bianca.text("header")).doesNotContain("Approvals");

			bianca.open("/approvals");

			bianca.awaitText("h1", "This is not for your roles");
			assertThat(bianca.text("main")).contains("billing", "approver, compliance or operations");
			assertThat(bianca.seriousAxeViolations()).as("the forbidden page").isEmpty();
			bianca.screenshot("forbidden");

			bianca.find("header button.link").click();
			bianca.awaitText("h1", "You are signed out");
			assertThat(bianca.seriousAxeViolations()).as("the signed-out page").isEmpty();
		}
	}

	@Test
	void showsOlderApprovalsInPlaceWithHtmx() {
		UUID deal = backends().arrange().deal("Browser Paging Fund", "5000000");
		for (int i = 0; i < ApprovalsApi.PAGE + 1; i++) {
			backends().arrange().subscription(deal, "browser-pager-" + i, "1000");
		}
		try (ConsoleBrowser carla = new ConsoleBrowser(backends()).signIn("carla")) {
			carla.open("/approvals?deal=" + deal);
			carla.awaitVisible("#more a");
			String page = carla.url();

			carla.find("#more a").click();

			carla.awaitText(".queue", "browser-pager-0");
			assertThat(carla.driver().findElements(By.cssSelector(".queue .card"))).hasSize(ApprovalsApi.PAGE + 1);
			assertThat(carla.driver().findElements(By.cssSelector("#more"))).isEmpty();
			assertThat(carla.url()).as("appended in place, not a new page").isEqualTo(page);
		}
	}

	@Test
	void picksAKindAndHowLongItWaitedAndSeesOnlyThoseApprovalsWithTheChoiceKept() {
		UUID deal = backends().arrange().deal("Browser Filter Fund", "5000000");
		backends().arrange().interest(deal, "bf-interest");
		UUID old = backends().arrange().subscription(deal, "bf-old", "1000");
		UUID young = backends().arrange().subscription(deal, "bf-young", "1000");
		try (ConsoleBrowser carla = new ConsoleBrowser(backends()).signIn("carla")) {
			CLOCK.stopAt(ApprovalsIntegrationTests.anHourAfterTheMiddleOf(old, young));
			carla.open("/approvals?deal=" + deal);
			carla.awaitText(".queue", "bf-young");

			new Select(carla.find("label[for=kind] + select")).selectByVisibleText("Subscription");
			new Select(carla.find("#waiting")).selectByVisibleText("More than an hour");
			carla.find(".filters button[type=submit]").click();

			new WebDriverWait(carla.driver(), Duration.ofSeconds(90))
				.until((driver) -> !carla.text(".queue").contains("bf-young"));
			assertThat(carla.driver().findElements(By.cssSelector(".queue .card h2"))).extracting(WebElement::getText)
				.containsExactly("Subscription of bf-old in Browser Filter Fund");
			assertThat(new Select(carla.find("#kind")).getFirstSelectedOption().getText()).isEqualTo("Subscription");
			assertThat(new Select(carla.find("#waiting")).getFirstSelectedOption().getText())
				.isEqualTo("More than an hour");
			assertThat(new Select(carla.find("#deal")).getFirstSelectedOption().getText())
				.isEqualTo("Browser Filter Fund");
			assertThat(carla.seriousAxeViolations()).as("the filtered queue").isEmpty();
			carla.screenshot("approvals-queue-filtered");
		}
		finally {
			CLOCK.run();
		}
	}

	/** Waits until the page after the click shows either outcome. */
	private static void awaitOutcome(ConsoleBrowser person) {
		new WebDriverWait(person.driver(), Duration.ofSeconds(90))
			.until((driver) -> !driver.findElements(By.cssSelector(".notice.success, #overtaken")).isEmpty());
	}

}
