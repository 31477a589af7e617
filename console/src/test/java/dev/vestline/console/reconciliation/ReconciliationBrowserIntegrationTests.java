package dev.vestline.console.reconciliation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;

import dev.vestline.console.support.ArrangeReconciliation;
import dev.vestline.console.support.ConsoleBrowser;
import dev.vestline.console.support.ConsoleTest;
import dev.vestline.testharness.Race;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reconciliation desk in a real browser (headless Chromium): a statement picked with
 * the file input, a broken one dropped on the form and refused with its reasons, a
 * suggestion accepted, the position it made, the match reversed with a reason; two
 * operators accepting the same line at the same moment; the forbidden page; axe-core on
 * every page. Writes the {@code reconciliation-*} screenshots.
 */
class ReconciliationBrowserIntegrationTests extends ConsoleTest {

	@TempDir
	Path files;

	@Test
	void anOperatorUploadsAStatementAcceptsTheSuggestionSeesThePositionAndReversesIt() throws IOException {
		ArrangeReconciliation bank = backends().arrangeReconciliation();
		String investor = "gina-" + UUID.randomUUID().toString().substring(0, 6);
		UUID vehicle = UUID.randomUUID();
		bank.subscriptionSigned(investor, vehicle, "2500.00");
		Path statement = Files.writeString(this.files.resolve("november.csv"),
				ArrangeReconciliation.credit(investor, "2500.00", "Subscription " + investor));
		try (ConsoleBrowser oscar = new ConsoleBrowser(backends()).signIn("oscar")) {
			oscar.open("/reconciliation");
			oscar.awaitText("h1", "Reconciliation desk");
			assertThat(oscar.seriousAxeViolations()).as("the desk").isEmpty();

			oscar.find("#statement").sendKeys(statement.toString());
			oscar.find("#upload-button").click();

			oscar.awaitText("#summary", "1 new");
			assertThat(oscar.text(".outcomes")).contains("New");
			assertThat(oscar.seriousAxeViolations()).as("an imported statement").isEmpty();
			oscar.screenshot("reconciliation-statement");
			UUID line = lineIn(oscar.driver().getPageSource());
			UUID match = bank.suggestionFor(line);

			oscar.open("/reconciliation");
			oscar.awaitText("h1", "Reconciliation desk");
			assertThat(oscar.seriousAxeViolations()).as("the desk with lines").isEmpty();
			oscar.screenshot("reconciliation-desk");
			oscar.open("/reconciliation/lines/" + line);
			oscar.awaitVisible("#suggestion button.accept");
			assertThat(oscar.text("main")).contains("2,500.00 EUR", investor, "subscription ");
			assertThat(oscar.seriousAxeViolations()).as("a line with its suggestion").isEmpty();
			oscar.screenshot("reconciliation-line");
			oscar.find("#suggestion button.accept").click();

			oscar.awaitText("#decided", "You accepted the match");
			assertThat(oscar.text(".status")).contains("Accepted by oscar");
			assertThat(oscar.seriousAxeViolations()).as("an accepted match").isEmpty();
			oscar.screenshot("reconciliation-accepted");

			oscar.find("a[href^='/reconciliation/positions/']").click();
			oscar.awaitText("#holding", "2500");
			assertThat(oscar.text(".movements")).contains("Funding", "oscar");
			assertThat(oscar.seriousAxeViolations()).as("a position").isEmpty();
			oscar.screenshot("reconciliation-position");

			oscar.open("/reconciliation/matches/" + match);
			oscar.awaitVisible("#reverse-reason").sendKeys("The bank booked it twice");
			oscar.find("#reverse").click();

			oscar.awaitText("#decided", "You reversed the match");
			assertThat(oscar.text("main")).contains("Reversed by oscar", "The bank booked it twice");
			assertThat(oscar.seriousAxeViolations()).as("a reversed match").isEmpty();
			oscar.screenshot("reconciliation-reversed");

			oscar.open("/reconciliation/positions?investor=" + investor);
			oscar.awaitText("main", vehicle.toString());
			assertThat(oscar.seriousAxeViolations()).as("an investor's positions").isEmpty();
			oscar.open("/reconciliation/matches?status=REVERSED");
			oscar.awaitText("h1", "Reversed matches");
			assertThat(oscar.seriousAxeViolations()).as("the matches of a status").isEmpty();
			oscar.open("/reconciliation/lines/" + line);
			oscar.awaitText("h1", "Bank line");
			assertThat(oscar.text("main")).as("the line is free again").contains("Match by hand");
			assertThat(oscar.seriousAxeViolations()).as("a line free again").isEmpty();
			assertThat(bank.match(match).path("status").asString()).isEqualTo("REVERSED");
		}
	}

	@Test
	void aDroppedFileTheServiceRefusesIsShownWithItsReasons() {
		backends().arrangeReconciliation();
		try (ConsoleBrowser oscar = new ConsoleBrowser(backends()).signIn("oscar")) {
			oscar.open("/reconciliation");
			oscar.awaitVisible(".drop-hint");

			oscar.script("""
					const file = new File([arguments[0]], 'broken.csv', { type: 'text/csv' });
					const files = new DataTransfer();
					files.items.add(file);
					document.getElementById('dropzone').dispatchEvent(
						new DragEvent('drop', { dataTransfer: files, bubbles: true, cancelable: true }));
					""", ArrangeReconciliation.CSV_HEADER + "DE0001,R-1,2026-11-20,10.001,EUR,Alice,one\n");
			oscar.awaitText(".chosen", "Ready to upload: broken.csv");
			oscar.find("#upload-button").click();

			oscar.awaitText("h1", "The file was not imported");
			assertThat(oscar.text("#refusal")).contains("Malformed bank statement", "line 2", "amount",
					"Nothing of the file was imported");
			assertThat(oscar.seriousAxeViolations()).as("a refused statement").isEmpty();
			oscar.screenshot("reconciliation-refused");
		}
	}

	@Test
	void twoOperatorsAcceptingTheSameLineAtOnceOneWinsAndTheOtherSeesWhoAndTheCurrentState() {
		ArrangeReconciliation bank = backends().arrangeReconciliation();
		String investor = "race-" + UUID.randomUUID().toString().substring(0, 6);
		bank.subscriptionSigned(investor, UUID.randomUUID(), "4000.00");
		try (ConsoleBrowser oscar = new ConsoleBrowser(backends()).signIn("oscar");
				ConsoleBrowser olga = new ConsoleBrowser(backends()).signIn("olga")) {
			UUID match = bank.suggestionFor(uploadedBy(oscar, investor, "4000.00"));
			List<ConsoleBrowser> people = List.of(oscar, olga);
			people.forEach((person) -> {
				person.open("/reconciliation/matches/" + match);
				person.awaitVisible("#accept");
			});

			Race.run(2, (i) -> {
				people.get(i).find("#accept").click();
				return i;
			});

			people.forEach(ReconciliationBrowserIntegrationTests::awaitOutcome);
			String winner = bank.match(match).path("decidedBy").asString();
			ConsoleBrowser won = winner.equals("oscar") ? oscar : olga;
			ConsoleBrowser lost = winner.equals("oscar") ? olga : oscar;
			assertThat(won.text("#decided")).contains("You accepted the match");
			assertThat(lost.text("#overtaken")).contains(winner + " accepted it at", "Your decision was not recorded");
			assertThat(lost.text(".status")).contains("Accepted by " + winner);
			assertThat(lost.driver().findElements(By.id("accept"))).as("nothing left to accept").isEmpty();
			assertThat(lost.seriousAxeViolations()).as("the lost race").isEmpty();
			lost.screenshot("reconciliation-lost-race");
		}
	}

	@Test
	void aPersonWithoutOperationsSeesAForbiddenPageInWords() {
		backends().arrangeReconciliation();
		try (ConsoleBrowser bianca = new ConsoleBrowser(backends()).signIn("bianca")) {
			bianca.open("/reconciliation");

			bianca.awaitText("h1", "This is not for your roles");
			assertThat(bianca.text("main")).contains("billing", "operations");
			assertThat(bianca.text("header")).doesNotContain("Reconciliation");
			assertThat(bianca.seriousAxeViolations()).as("the forbidden page").isEmpty();
			bianca.screenshot("reconciliation-forbidden");
		}
	}

	/** Uploads a one-credit statement with the file picker and answers the new line. */
	private UUID uploadedBy(ConsoleBrowser person, String investor, String amount) {
		try {
			Path statement = Files.writeString(this.files.resolve(investor + ".csv"),
					ArrangeReconciliation.credit(investor, amount, investor));
			person.open("/reconciliation");
			person.awaitVisible("#statement").sendKeys(statement.toString());
			person.find("#upload-button").click();
			person.awaitText("#summary", "1 new");
			return lineIn(person.driver().getPageSource());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static UUID lineIn(String page) {
		Matcher line = Pattern.compile("/reconciliation/lines/([0-9a-f-]{36})").matcher(page);
		assertThat(line.find()).as("a new line in the result").isTrue();
		return UUID.fromString(line.group(1));
	}

	/** Waits until the page after the click shows either outcome. */
	private static void awaitOutcome(ConsoleBrowser person) {
		new WebDriverWait(person.driver(), Duration.ofSeconds(90))
			.until((driver) -> !driver.findElements(By.cssSelector("#decided, #overtaken")).isEmpty());
	}

}
