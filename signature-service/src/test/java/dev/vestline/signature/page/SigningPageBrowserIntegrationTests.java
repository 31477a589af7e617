package dev.vestline.signature.page;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.util.GreenMail;
import dev.vestline.events.Contact;
import dev.vestline.signature.CapturedLinks;
import dev.vestline.signature.Grants;
import dev.vestline.signature.OpenWorkflows;
import dev.vestline.signature.SignatureIntegrationTest;
import dev.vestline.signature.documents.DocumentText;
import dev.vestline.signature.lease.Lease;
import dev.vestline.signature.lease.LeaseAcquisition;
import dev.vestline.signature.sealing.SealedDocuments;
import dev.vestline.signature.workflows.WorkflowCancellation;
import dev.vestline.signature.workflows.WorkflowOpening;
import dev.vestline.testharness.Race;
import dev.vestline.testharness.browser.Browser;
import dev.vestline.testharness.mail.TestMailbox;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.interactions.Actions;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static dev.vestline.testharness.mail.MimeParts.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The signing page in a real browser (headless Chromium), as signers use it: the link
 * taken from the mail they received, the document read, consent ticked, the name typed.
 * Every page state is checked at phone width for horizontal scrolling, with axe-core for
 * serious or critical accessibility violations and in the console for anything the
 * Content-Security-Policy refused or a script error, and photographed to
 * {@code docs/screenshots/signing/}.
 */
@SignatureIntegrationTest
class SigningPageBrowserIntegrationTests {

	static final String ARRANGER = "ada@arranger.example.org";

	static final Pattern LINK = Pattern.compile("https://sign\\.vestline\\.example(/sign/[A-Za-z0-9_-]{43})");

	static final Path SCREENSHOTS = Browser.Repository.root().resolve("docs/screenshots/signing");

	static String axe;

	static Browser phone;

	@LocalServerPort
	int port;

	@Autowired
	WorkflowOpening opening;

	@Autowired
	WorkflowCancellation cancellation;

	@Autowired
	LeaseAcquisition leases;

	@Autowired
	SealedDocuments sealed;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	CapturedLinks links;

	@Autowired
	GreenMail smtp;

	OpenWorkflows workflows;

	String investor;

	UUID workflow;

	@BeforeAll
	static void startBrowser() {
		axe = Browser.AxeCore.script();
		phone = Browser.phone();
	}

	@AfterAll
	static void stopBrowser() {
		if (phone != null) {
			phone.close();
		}
	}

	@BeforeEach
	void openWorkflow() {
		phone.driver().manage().deleteAllCookies();
		this.workflows = new OpenWorkflows(this.opening, this.jdbc);
		this.investor = "ivy-" + UUID.randomUUID() + "@investor.example.org";
		this.workflow = this.workflows
			.open(Grants.subscription(Grants.CONFIGURED_VEHICLE, new Contact("Ivy Investor", this.investor)));
	}

	@Test
	void theSignerReadsConsentsTypesTheirNameAndSignsOnAPhone() {
		phone.open(mailedLink(this.investor, 1));
		assertThat(phone.heading()).contains("Please read and sign your subscription pack");
		assertThat(phone.find(".document img").getAttribute("alt")).contains("Page 1");
		assertThat(phone.find(".page-text").getAttribute("textContent")).contains("Subscription");
		assertThat(phone.find("#consent").isSelected()).as("consent starts unticked").isFalse();
		assertThat(phone.find(".parties").getText()).contains("Ivy Investor", "Ada Arranger", "Not signed yet");
		check(phone, "01-ready-phone");

		phone.find(".sign button[type=submit]").click();
		phone.awaitText("#error-summary", "There is a problem");
		assertThat(phone.find("#error-summary a[href='#consent']").getText()).contains("Tick the box");
		assertThat(phone.find("#error-summary a[href='#typedName']").getText()).contains("Type your full name");
		assertThat(phone.find("#typedName").getAttribute("aria-invalid")).isEqualTo("true");
		assertThat(phone.script("return document.activeElement.id")).isEqualTo("error-summary");
		check(phone, "02-errors-phone");

		phone.find("#consent").click();
		phone.find("#typedName").sendKeys("Ivy Investor");
		phone.find(".sign button[type=submit]").click();
		phone.awaitText("h1", "Thank you, you have signed");
		assertThat(phone.find("main").getText()).contains("waiting for Ada Arranger");
		check(phone, "03-signed-phone");
		assertThat(this.workflows.signerStatus(this.workflow, "INVESTOR")).isEqualTo("SIGNED");
		assertThat(consentVersion("INVESTOR")).isEqualTo(ConsentDisclosure.VERSION);

		phone.open(mailedLink(this.investor, 1));
		phone.awaitText("h1", "Waiting for the other party");
		check(phone, "04-waiting-phone");
	}

	@Test
	void signsWithTheKeyboardAloneInTheOrderThePageReads() {
		phone.open(mailedLink(this.investor, 1));
		Actions keyboard = new Actions(phone.driver());
		List<String> order = new java.util.ArrayList<>();
		for (int tab = 0; tab < 40 && !order.contains("consent"); tab++) {
			keyboard.sendKeys(Keys.TAB).perform();
			order.add(
					String.valueOf(phone.script("return document.activeElement.id || document.activeElement.tagName")));
		}
		assertThat(order).as("the focus reaches the consent box by Tab").contains("consent");
		assertThat(phone.script("return getComputedStyle(document.activeElement).outlineStyle")).as("visible focus")
			.isNotEqualTo("none");

		keyboard.sendKeys(Keys.SPACE).sendKeys(Keys.TAB).perform();
		assertThat(phone.script("return document.activeElement.id")).isEqualTo("typedName");
		keyboard.sendKeys("Ivy Investor").sendKeys(Keys.ENTER).perform();

		phone.awaitText("h1", "Thank you, you have signed");
		assertThat(this.workflows.signerStatus(this.workflow, "INVESTOR")).isEqualTo("SIGNED");
	}

	@Test
	void investorAndArrangerSignAtTheSameMomentInTwoBrowsersAndBothSignaturesAreSealed() throws Exception {
		try (Browser desktop = Browser.desktop()) {
			List<Browser> browsers = List.of(phone, desktop);
			List<String> names = List.of("Ivy Investor", "Ada Arranger");
			browsers.get(0).open(mailedLink(this.investor, 1));
			browsers.get(1).open(mailedLink(ARRANGER, 1));
			for (int i = 0; i < 2; i++) {
				browsers.get(i).find("#consent").click();
				browsers.get(i).find("#typedName").sendKeys(names.get(i));
			}

			Race.run(2, (i) -> {
				browsers.get(i).find(".sign button[type=submit]").click();
				return i;
			});

			for (Browser browser : browsers) {
				browser.awaitText("h1", "Thank you, you have signed");
			}
			check(desktop, "05-signed-desktop");
			assertThat(this.workflows.status(this.workflow)).isEqualTo("COMPLETED");
			assertThat(this.workflows.outboxEvents(this.workflow, "DocumentSigned")).isEqualTo(2);
			assertThat(this.workflows.outboxEvents(this.workflow, "SigningWorkflowCompleted")).isEqualTo(1);
			await().atMost(Duration.ofSeconds(90)).until(() -> this.sealed.find(this.workflow).isPresent());
			assertThat(DocumentText.of(this.sealed.find(this.workflow).orElseThrow().content()))
				.contains("SIGNED by Ivy Investor", "SIGNED by Ada Arranger");
			for (String party : List.of(this.investor, ARRANGER)) {
				await().atMost(Duration.ofSeconds(90)).until(() -> mails(party, "completed").size() == 1);
			}

			desktop.open(mailedLink(ARRANGER, 1));
			desktop.awaitText("h1", "Everyone has signed");
			assertThat(desktop.find(".document img").getAttribute("src")).as("the final version, not one kept before")
				.contains("/versions/3/pages/1.png");
			check(desktop, "06-completed-desktop");
			phone.open(mailedLink(this.investor, 1));
			phone.awaitText("h1", "Everyone has signed");
			check(phone, "06-completed-phone");
		}
	}

	@Test
	void aDoubleClickSignsOnceAndASecondTabSaysItIsAlreadySigned() {
		String link = mailedLink(this.investor, 1);
		phone.open(link);
		String first = phone.driver().getWindowHandle();
		phone.driver().switchTo().newWindow(WindowType.TAB);
		phone.open(link);
		String second = phone.driver().getWindowHandle();
		fill("Ivy Investor");
		phone.driver().switchTo().window(first);
		fill("Ivy Investor");

		new Actions(phone.driver()).doubleClick(phone.find(".sign button[type=submit]")).perform();
		phone.awaitText("h1", "Thank you, you have signed");
		phone.driver().switchTo().window(second);
		phone.find(".sign button[type=submit]").click();
		phone.awaitText("h1", "You have already signed");
		check(phone, "07-already-signed-phone");
		phone.driver().close();
		phone.driver().switchTo().window(first);

		assertThat(this.workflows.outboxEvents(this.workflow, "DocumentSigned")).isEqualTo(1);
		assertThat(this.workflows.versions(this.workflow)).isEqualTo(2);
	}

	@Test
	void aDeclineWithItsReasonReachesTheOthers() {
		phone.open(mailedLink(this.investor, 1));
		fill("Ivy Investor");
		phone.find(".sign button[type=submit]").click();
		phone.awaitText("h1", "Thank you");

		phone.open(mailedLink(ARRANGER, 1));
		phone.find(".decline summary").click();
		phone.find(".decline button[type=submit]").click();
		phone.awaitText("#error-summary", "There is a problem");
		assertThat(phone.find("#error-summary a[href='#reason']").getText()).contains("Tell us why");
		check(phone, "08-decline-error-phone");
		phone.find("#reason").sendKeys("the fee schedule is wrong");
		phone.find(".decline button[type=submit]").click();
		phone.awaitText("h1", "This document was declined");
		check(phone, "09-declined-phone");

		await().atMost(Duration.ofSeconds(90)).until(() -> mails(this.investor, "declined").size() == 1);
		assertThat(plain(mails(this.investor, "declined").get(0))).contains("the fee schedule is wrong");
		assertThat(this.workflows.status(this.workflow)).isEqualTo("DECLINED");
	}

	@Test
	void anExpiredLinkSaysSoAndSendsANewLinkByMail() {
		String expired = mailedLink(this.investor, 1);
		this.jdbc.sql("UPDATE signer SET link_expires_at = now() - interval '1 minute' WHERE workflow_id = :id")
			.param("id", this.workflow)
			.update();

		phone.open(expired);
		phone.awaitText("h1", "This link has expired");
		assertThat(phone.driver().findElements(org.openqa.selenium.By.cssSelector(".document"))).isEmpty();
		check(phone, "10-expired-phone");
		phone.find(".new-link button[type=submit]").click();
		phone.awaitText("h1", "Check your e-mail");
		check(phone, "11-link-sent-phone");

		String fresh = mailedLink(this.investor, 2);
		assertThat(fresh).isNotEqualTo(expired);
		phone.open(fresh);
		phone.awaitText("h1", "Please read and sign");
		phone.open(expired);
		phone.awaitText("h1", "This link was replaced");
		assertThat(phone.driver().findElements(org.openqa.selenium.By.cssSelector(".document"))).isEmpty();
		check(phone, "12-replaced-phone");
		phone.open(fresh.substring(0, fresh.lastIndexOf('/') + 1) + "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
		phone.awaitText("h1", "We do not recognise this link");
		check(phone, "12-unknown-phone");
	}

	@Test
	void anotherPartySigningRightNowMakesThePageWaitAndSignForThePerson() {
		phone.open(mailedLink(this.investor, 1));
		fill("Ivy Investor");
		Lease held = this.leases.acquire(this.workflow, "ARRANGER arranger-1 (in another browser)");
		try {
			phone.find(".sign button[type=submit]").click();
			phone.awaitText("h1", "Someone else is signing right now");
			check(phone, "13-someone-else-signing-phone");
			assertThat(this.workflows.signerStatus(this.workflow, "INVESTOR")).isEqualTo("PENDING");
		}
		finally {
			this.leases.release(held);
		}
		phone.awaitText("h1", "Thank you, you have signed");
		assertThat(this.workflows.outboxEvents(this.workflow, "DocumentSigned")).isEqualTo(1);
	}

	@Test
	void cancelledLinksSayWhatHappenedAndAskingTooOftenForANewLinkIsRefusedInWords() {
		this.cancellation.byStaff(this.workflow, 0, "the investor withdrew", "olga");
		String link = mailedLink(this.investor, 1);

		phone.open(link);
		phone.awaitText("h1", "This signing was cancelled");
		assertThat(phone.find("main").getText()).contains("the investor withdrew");
		check(phone, "14-cancelled-phone");
		for (int ask = 1; ask <= 3; ask++) {
			phone.open(link);
			phone.find(".new-link button[type=submit]").click();
			phone.awaitText("h1", "Check your e-mail");
		}
		phone.open(link);
		phone.find(".new-link button[type=submit]").click();
		phone.awaitText("h1", "Please wait before asking again");
		check(phone, "15-too-many-requests-phone");
	}

	@Test
	void aFormWithoutItsCsrfCookieIsRefusedWithAPageAndNothingIsSigned() {
		phone.open(mailedLink(this.investor, 1));
		fill("Ivy Investor");
		phone.driver().manage().deleteCookieNamed("vestline-csrf");
		phone.find(".sign button[type=submit]").click();
		phone.awaitText("h1", "Please try again");
		check(phone, "16-refused-phone");
		assertThat(this.workflows.signerStatus(this.workflow, "INVESTOR")).isEqualTo("PENDING");
	}

	private void fill(String name) {
		phone.find("#consent").click();
		phone.find("#typedName").sendKeys(name);
	}

	/**
	 * Every page state: nothing to scroll sideways at its width, no serious or critical
	 * axe-core violation, and a screenshot.
	 */
	private static void check(Browser browser, String name) {
		assertThat(browser.brokenImages()).as("%s: images that did not load", name).isEmpty();
		assertThat(browser.horizontalOverflow()).as("%s: horizontal overflow", name).isLessThanOrEqualTo(0);
		assertThat(browser.console()).as("%s: console", name)
			.noneMatch((line) -> line.contains("Content Security Policy") || line.contains("Uncaught"));
		List<Map<String, Object>> violations = browser.axeViolations(axe)
			.stream()
			.filter((v) -> "serious".equals(v.get("impact")) || "critical".equals(v.get("impact")))
			.toList();
		assertThat(violations).as("%s: axe-core violations", name).isEmpty();
		browser.screenshot(SCREENSHOTS.resolve(name + ".png"));
	}

	/**
	 * The link in the signing mail (the how-manieth) to an address, opened on this
	 * server.
	 */
	private String mailedLink(String address, int linkRevision) {
		await().atMost(Duration.ofSeconds(90))
			.until(() -> mails(address, (linkRevision == 1) ? "signing-request" : "signing-").stream()
				.anyMatch((mail) -> messageId(mail).contains("." + linkRevision + ".")));
		MimeMessage mail = mails(address, "signing-").stream()
			.filter((m) -> messageId(m).contains("." + linkRevision + "."))
			.findFirst()
			.orElseThrow();
		Matcher link = LINK.matcher(plain(mail));
		assertThat(link.find()).as("a signing link in the mail").isTrue();
		return "http://localhost:" + this.port + link.group(1);
	}

	private String consentVersion(String role) {
		return this.jdbc.sql("SELECT consent_version FROM signer WHERE workflow_id = :id AND role = :role")
			.param("id", this.workflow)
			.param("role", role)
			.query(String.class)
			.single();
	}

	private List<MimeMessage> mails(String address, String kind) {
		return TestMailbox.to(this.smtp, address)
			.stream()
			.filter((mail) -> messageId(mail).startsWith("<" + kind) && messageId(mail).contains(this.workflow + "-"))
			.toList();
	}

	private static String plain(MimeMessage mail) {
		try {
			return String.valueOf(text(mail, "text/plain"));
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String messageId(MimeMessage mail) {
		try {
			return mail.getMessageID();
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
