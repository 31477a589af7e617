package dev.vestline.console.signing;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;

import dev.vestline.console.support.ConsoleBrowser;
import dev.vestline.console.support.ConsoleTest;
import dev.vestline.console.support.SigningArrange;
import dev.vestline.testharness.Race;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The signing area in a real browser (headless Chromium): the list, a workflow, a new
 * link for a signer (its mail arrives), cancelling, two people cancelling at the same
 * moment, a stale view, a person without the role; axe-core on every page; the
 * {@code signing-*} screenshots in {@code docs/screenshots/console/} are written here.
 */
class SigningBrowserIntegrationTests extends ConsoleTest {

	private SigningArrange arrange;

	@BeforeEach
	void signatureService() {
		this.arrange = backends().arrangeSigning();
	}

	@Test
	void aPersonFindsAWorkflowByStateAndSendsASignerANewLinkThatArrivesByMail() {
		UUID workflow = this.arrange.workflow("browser-uma");
		String investor = SigningArrange.investorEmail("browser-uma");
		this.arrange.sign(this.arrange.linkMailedTo(SigningArrange.arrangerEmail("browser-uma")), "Ada Arranger");
		String first = this.arrange.linkMailedTo(investor);
		try (ConsoleBrowser carla = new ConsoleBrowser(backends()).signIn("carla")) {
			carla.open("/signing?state=OPEN");
			carla.awaitText("h1", "Signing workflows");
			assertThat(carla.text(".queue")).contains("Subscription pack of browser-uma",
					"Waiting for signatures: 1 of 2 signed");
			assertThat(carla.seriousAxeViolations()).as("the list").isEmpty();
			carla.screenshot("signing-list");

			carla.find("a[href='/signing/" + workflow + "']").click();
			carla.awaitText("h1", "Subscription pack of browser-uma");
			assertThat(carla.text(".signers")).contains("Signed as “Ada Arranger” at", "UTC", "Not signed yet");
			assertThat(carla.seriousAxeViolations()).as("a workflow").isEmpty();
			carla.screenshot("signing-workflow");

			carla.find("#new-link-INVESTOR").click();

			carla.awaitText("#done", "A new link is on its way to the investor by mail");
			assertThat(carla.text("main")).contains("sent a new link");
			assertThat(carla.seriousAxeViolations()).as("a new link sent").isEmpty();
			carla.screenshot("signing-link-sent");
		}
		String second = Awaitility.await("the new link's mail")
			.atMost(Duration.ofSeconds(90))
			.until(() -> this.arrange.linkMailedTo(investor), (token) -> !token.equals(first));
		this.arrange.sign(second, "Uma Investor");
		assertThat(this.arrange.workflowNow(workflow).path("status").asString()).isEqualTo("COMPLETED");
	}

	@Test
	void aPersonCancelsAWorkflowWithAReasonAndSeesACompletedOnesDownloads() {
		UUID open = this.arrange.workflow("browser-vera");
		UUID completed = this.arrange.workflow("browser-wim");
		this.arrange.sign(this.arrange.linkMailedTo(SigningArrange.investorEmail("browser-wim")), "Wim Investor");
		this.arrange.sign(this.arrange.linkMailedTo(SigningArrange.arrangerEmail("browser-wim")), "Ada Arranger");
		try (ConsoleBrowser oscar = new ConsoleBrowser(backends()).signIn("oscar")) {
			oscar.open("/signing/" + open);
			oscar.awaitVisible("#cancel");
			oscar.find("#reason").sendKeys("The investor withdrew");

			oscar.find("#cancel").click();

			oscar.awaitText("#done", "You cancelled the workflow");
			assertThat(oscar.text(".status")).isEqualTo("Cancelled: The investor withdrew");
			assertThat(oscar.seriousAxeViolations()).as("a cancelled workflow").isEmpty();
			oscar.screenshot("signing-cancelled");

			oscar.open("/signing/" + completed);
			oscar.awaitVisible("#sealed");
			assertThat(oscar.text(".status")).startsWith("Completed: everyone signed by");
			assertThat(oscar.find("#certificate").getAttribute("href")).endsWith("/certificate.pdf");
			assertThat(oscar.seriousAxeViolations()).as("a completed workflow").isEmpty();
			oscar.screenshot("signing-completed");
		}
	}

	@Test
	void twoPeopleCancellingAtOnceOneWinsAndTheOtherSeesWhoAndTheCurrentState() {
		UUID workflow = this.arrange.workflow("browser-xena");
		try (ConsoleBrowser carla = new ConsoleBrowser(backends()).signIn("carla");
				ConsoleBrowser oscar = new ConsoleBrowser(backends()).signIn("oscar")) {
			List<ConsoleBrowser> people = List.of(carla, oscar);
			people.forEach((person) -> {
				person.open("/signing/" + workflow);
				person.awaitVisible("#cancel");
				person.find("#reason").sendKeys("Withdrawn");
			});

			Race.run(2, (i) -> {
				people.get(i).find("#cancel").click();
				return i;
			});

			people.forEach(SigningBrowserIntegrationTests::awaitOutcome);
			String winner = cancelledBy(workflow);
			ConsoleBrowser lost = winner.equals("carla") ? oscar : carla;
			ConsoleBrowser won = winner.equals("carla") ? carla : oscar;
			assertThat(won.text("#done")).contains("You cancelled the workflow");
			assertThat(lost.text("#changed")).contains(winner + " cancelled it", "What you asked for was not done");
			assertThat(lost.text(".status")).startsWith("Cancelled");
			assertThat(lost.seriousAxeViolations()).as("the overtaken page").isEmpty();
			lost.screenshot("signing-lost-race");
		}
	}

	@Test
	void aStaleViewSaysWhoChangedTheWorkflowSinceAndShowsItAsItIsNow() {
		UUID workflow = this.arrange.workflow("browser-yves");
		try (ConsoleBrowser carla = new ConsoleBrowser(backends()).signIn("carla")) {
			carla.open("/signing/" + workflow);
			carla.awaitVisible("#cancel");
			this.arrange.sign(this.arrange.linkMailedTo(SigningArrange.investorEmail("browser-yves")), "Yves");
			carla.find("#reason").sendKeys("Too late");

			carla.find("#cancel").click();

			carla.awaitText("#changed", "This page was out of date");
			assertThat(carla.text("#changed")).contains("browser-yves signed", "What you asked for was not done");
			assertThat(carla.text(".status")).isEqualTo("Waiting for signatures: 1 of 2 signed");
			assertThat(carla.seriousAxeViolations()).as("the stale-view page").isEmpty();
			carla.screenshot("signing-stale-view");
		}
		assertThat(this.arrange.workflowNow(workflow).path("status").asString()).isEqualTo("OPEN");
	}

	@Test
	void aPersonWithoutASigningRoleSeesAForbiddenPageInWords() {
		backends().signature();
		try (ConsoleBrowser bianca = new ConsoleBrowser(backends()).signIn("bianca")) {
			assertThat(bianca.text("header")).doesNotContain("Signing");

			bianca.open("/signing");

			bianca.awaitText("h1", "This is not for your roles");
			assertThat(bianca.text("main")).contains("billing", "The Signing area is for people with the role",
					"approver, compliance or operations");
			assertThat(bianca.seriousAxeViolations()).as("the forbidden page").isEmpty();
			bianca.screenshot("signing-forbidden");
		}
	}

	private String cancelledBy(UUID workflow) {
		return this.arrange.audit(workflow)
			.stream()
			.filter((entry) -> "CANCELLED".equals(entry.path("action").asString()))
			.map((entry) -> entry.path("actor").asString())
			.findFirst()
			.orElseThrow();
	}

	/** Waits until the page after the click shows either outcome. */
	private static void awaitOutcome(ConsoleBrowser person) {
		new WebDriverWait(person.driver(), Duration.ofSeconds(90))
			.until((driver) -> !driver.findElements(By.cssSelector("#done, #changed")).isEmpty());
	}

}
