package dev.vestline.console.operations;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

import dev.vestline.console.support.ConsoleBrowser;
import dev.vestline.console.support.ConsoleTest;
import dev.vestline.console.support.SignedIn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The operations area in a real browser (headless Chromium): the overview, a service's
 * dead letters, a discard refused because someone discarded first (a stale page), a
 * discard with a reason typed and sent by keyboard, the audit saying who and why, the
 * forbidden page; axe-core on every page; the {@code operations-*} screenshots in
 * {@code docs/screenshots/console/} are written here.
 */
class OperationsBrowserIntegrationTests extends ConsoleTest {

	@Test
	void olgaDiscardsADeadLetterByKeyboardWithAReasonAndTheAuditSaysWhoAndWhy() {
		String key = UUID.randomUUID().toString();
		String first = PoisonRecords.send(backends().kafkaBootstrapServers(), key);
		String second = PoisonRecords.send(backends().kafkaBootstrapServers(), key);
		SignedIn oscar = SignedIn.as("oscar", backends());
		String page = await().atMost(Duration.ofSeconds(90))
			.until(() -> oscar.get(DeadLetterPage.PATH).body(),
					(body) -> body.contains(first) && body.contains(second));
		// other tests' letters before ours go first: ours is then the first of its
		// partition
		DeadLetterPage.Letter firstLetter = DeadLetterPage.letter(page, first);
		DeadLetterPage.discardUpTo(oscar, firstLetter, "older than this test", false);

		// the overview shows every service running, as in its screenshot
		backends().signature();
		backends().billingUrl();
		backends().reconciliationUrl();
		try (ConsoleBrowser olga = new ConsoleBrowser(backends()).signIn("olga")) {
			await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
				olga.open("/operations");
				olga.awaitText("h1", "Operations");
				for (String service : new String[] { "signature", "billing", "reconciliation" }) {
					assertThat(olga.text("#service-" + service)).contains("Relay leader", service + "-service")
						.doesNotContain("not answering", "No instance leads");
				}
			});
			assertThat(olga.text("#service-approval")).contains("Relay leader", "approval-service", "read 0");
			assertThat(olga.seriousAxeViolations()).as("the overview").isEmpty();
			olga.screenshot("operations-overview");

			olga.open(DeadLetterPage.PATH);
			olga.awaitText("table", first);
			assertThat(olga.text("main")).contains("discarded in order", second);
			assertThat(olga.seriousAxeViolations()).as("the dead letters").isEmpty();
			olga.screenshot("operations-dead-letters");

			// oscar discards it while olga's page still offers it: her discard is refused
			DeadLetterPage.discardUpTo(oscar, firstLetter, "oscar was first", true);
			String reasonField = "#reason-" + firstLetter.partition() + "-" + firstLetter.offset();
			olga.find(reasonField).sendKeys("a producer bug");
			olga.find("#discard-" + firstLetter.partition() + "-" + firstLetter.offset()).click();
			olga.awaitText("#refusal", "Not discarded: not the first dead letter of its partition");
			assertThat(olga.text("#refusal")).contains("discarded in order", "Nothing was discarded");
			assertThat(olga.seriousAxeViolations()).as("the refused discard").isEmpty();
			olga.screenshot("operations-refused");

			// the second is the first of its partition now: reason typed, sent by
			// keyboard
			String secondId = DeadLetterPage.letter(oscar.get(DeadLetterPage.PATH).body(), second).partition() + "-"
					+ DeadLetterPage.letter(oscar.get(DeadLetterPage.PATH).body(), second).offset();
			olga.open(DeadLetterPage.PATH);
			WebElement reason = olga.awaitVisible("#reason-" + secondId);
			reason.sendKeys("never valid: " + key);
			reason.sendKeys(Keys.TAB);
			assertThat(olga.driver().switchTo().activeElement().getDomAttribute("id")).isEqualTo("discard-" + secondId);
			olga.driver().switchTo().activeElement().sendKeys(Keys.ENTER);
			olga.awaitText("#done", "You discarded");
			assertThat(olga.text("#done")).contains(second);
			olga.screenshot("operations-discarded");

			olga.open("/operations/approval/audit");
			olga.awaitText("main", "never valid: " + key);
			assertThat(olga.text(".audit li:first-child")).contains("olga", "discarded a dead letter",
					"never valid: " + key);
			assertThat(olga.seriousAxeViolations()).as("the audit").isEmpty();
			olga.screenshot("operations-audit");
		}
		try (ConsoleBrowser carla = new ConsoleBrowser(backends()).signIn("carla")) {
			carla.open("/operations");
			carla.awaitText("h1", "This is not for your roles");
			assertThat(carla.text("main")).contains("The Operations area is for people with the role operations");
			assertThat(carla.seriousAxeViolations()).as("the forbidden page").isEmpty();
			carla.screenshot("operations-forbidden");
		}
	}

}
