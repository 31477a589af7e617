package dev.vestline.console;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.Keys;

import dev.vestline.console.support.ArrangeReconciliation;
import dev.vestline.console.support.BillingArrange;
import dev.vestline.console.support.ConsoleBrowser;
import dev.vestline.console.support.ConsoleTest;
import dev.vestline.console.support.Keyboard;
import dev.vestline.console.support.Keyboard.Focused;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the issue asks beyond each area's own tests: "usable on a laptop screen down to
 * 1280 px and readable on a tablet", and "keyboard-only use works". Every area's main
 * pages at 1280 and at 768 CSS pixels (a tablet held upright): nothing wider than the
 * window, the navigation on screen, every label beside or right above its field (not
 * wrapped away from it), axe-core without serious or critical violations. And a staff
 * member who reaches and decides an approval with Tab, Shift+Tab, Enter and Space only:
 * the skip link first, a visible focus on every element reached, no trap. Writes the
 * {@code tablet-*} screenshots.
 */
class KeyboardAndTabletBrowserIntegrationTests extends ConsoleTest {

	/** More stops than any page here has: reaching it means the focus is trapped. */
	private static final int TRAP = 150;

	@TempDir
	Path files;

	@Test
	void everyAreasPagesFitALaptopAndATabletWithTheNavigationOnScreenAndNoSeriousAxeViolation() throws IOException {
		UUID deal = backends().arrange().deal("Tablet Growth Fund", "5000000");
		UUID approval = backends().arrange().subscription(deal, "tablet-investor", "250000");
		backends().arrange().interest(deal, "tablet-interested");
		UUID workflow = backends().arrangeSigning().workflow("tablet-signer");
		backends().reconciliationUrl();
		BillingArrange billing = backends().billingArrange();
		UUID subscription = billing.signedPack(billing.vehicleWithSchedule(100), "tablet-payer", "40000.00");
		UUID invoice = billing.invoiceFor("tablet-payer");
		String payer = "tablet-bank-" + UUID.randomUUID().toString().substring(0, 6);
		backends().arrangeReconciliation().subscriptionSigned(payer, UUID.randomUUID(), "2500.00");
		Path statement = Files.writeString(this.files.resolve("tablet.csv"),
				ArrangeReconciliation.credit(payer, "2500.00", "Subscription " + payer));
		try (ConsoleBrowser oscar = new ConsoleBrowser(backends()).signIn("oscar")) {
			oscar.open("/reconciliation");
			oscar.find("#statement").sendKeys(statement.toString());
			oscar.find("#upload-button").click();
			oscar.awaitText("#summary", "1 new");
		}
		Map<String, String> oscars = Map.ofEntries(Map.entry("approvals-queue", "/approvals?deal=" + deal),
				Map.entry("approval", "/approvals/" + approval), Map.entry("deals", "/deals"),
				Map.entry("deal", "/deals/" + deal), Map.entry("signing-list", "/signing"),
				Map.entry("signing-workflow", "/signing/" + workflow),
				Map.entry("reconciliation-desk", "/reconciliation"),
				Map.entry("reconciliation-matches", "/reconciliation/matches"),
				Map.entry("operations-overview", "/operations"),
				Map.entry("operations-dead-letters", "/operations/approval/dead-letters"),
				Map.entry("operations-audit", "/operations/approval/audit"));
		Map<String, String> biancas = Map.of("billing-invoices", "/billing/invoices", "billing-invoice",
				"/billing/invoices/" + invoice, "billing-invoice-run", "/billing/invoice-runs", "billing-fee-schedules",
				"/billing/fee-schedules", "billing-fees", "/billing/fees?subscription=" + subscription);
		SoftAssertions softly = new SoftAssertions();

		for (boolean tablet : List.of(false, true)) {
			try (ConsoleBrowser oscar = device(tablet).signIn("oscar");
					ConsoleBrowser bianca = device(tablet).signIn("bianca")) {
				oscars.forEach((name, path) -> check(oscar, name, path, tablet, softly));
				biancas.forEach((name, path) -> check(bianca, name, path, tablet, softly));
			}
		}

		softly.assertAll();
	}

	@Test
	void aStaffMemberReachesAndRejectsAnApprovalWithAReasonUsingTheKeyboardOnly() {
		UUID deal = backends().arrange().deal("Keyboard Fund", "5000000");
		UUID approval = backends().arrange().subscription(deal, "keyboard-investor", "1000");
		String reason = "Source of funds not documented";
		try (ConsoleBrowser carla = new ConsoleBrowser(backends()).signIn("carla")) {
			carla.open("/approvals?deal=" + deal);
			carla.awaitText(".queue", "keyboard-investor");
			Keyboard keys = new Keyboard(carla);

			assertThat(keys.tab()).as("the first Tab").satisfies(KeyboardAndTabletBrowserIntegrationTests::isSkipLink);
			keys.press(Keys.ENTER);
			Focused link = tabUntil(keys, (focused) -> focused.href().equals("/approvals/" + approval));
			assertThat(link.text()).contains("keyboard-investor");
			keys.press(Keys.ENTER);
			carla.awaitText("h1", "Subscription of keyboard-investor");

			assertThat(keys.tab()).as("the first Tab on the approval")
				.satisfies(KeyboardAndTabletBrowserIntegrationTests::isSkipLink);
			keys.press(Keys.ENTER);
			tabUntil(keys, (focused) -> focused.id().equals("reason"));
			keys.type(reason);
			assertThat(keys.tab().id()).isEqualTo("approve");
			assertThat(keys.tab().id()).isEqualTo("reject");
			assertThat(keys.shiftTab().id()).as("Shift+Tab goes back").isEqualTo("approve");
			assertThat(keys.tab().id()).isEqualTo("reject");
			keys.press(Keys.SPACE);

			carla.awaitText(".notice.success", "You rejected the approval");
			assertThat(carla.text(".status")).contains("Rejected by carla", reason);
		}
		assertThat(backends().arrange().approval(approval).path("endReason").asString()).isEqualTo(reason);
	}

	@Test
	void tabbingThroughAnApprovalShowsTheFocusOnEveryStopAndLeavesThePageAtTheEnd() {
		UUID approval = backends().arrange()
			.subscription(backends().arrange().deal("Keyboard Trap Fund", "5000000"), "trap-investor", "1000");
		try (ConsoleBrowser carla = new ConsoleBrowser(backends()).signIn("carla")) {
			carla.open("/approvals/" + approval);
			carla.awaitVisible("#reject");
			Keyboard keys = new Keyboard(carla);
			List<Focused> stops = new ArrayList<>();

			Focused focused = keys.tab();
			while (!focused.isNothing() && !(stops.size() > 0 && isSkip(focused)) && stops.size() < TRAP) {
				stops.add(focused);
				focused = keys.tab();
			}

			assertThat(stops.size()).as("Tab leaves the page after its last control: %s", stops).isLessThan(TRAP);
			assertThat(stops).as("the skip link first")
				.first()
				.satisfies(KeyboardAndTabletBrowserIntegrationTests::isSkipLink);
			assertThat(stops).extracting(Focused::id)
				.as("every control of the decision")
				.contains("reason", "approve", "reject");
			assertThat(stops).as("each stop shows its focus and is on screen")
				.allSatisfy((stop) -> assertThat(stop.showsFocus() && stop.onScreen()).as(stop.toString()).isTrue());
			Focused back = keys.shiftTab();
			assertThat(back.isNothing() || back.equals(stops.getLast()) || isSkip(back))
				.as("Shift+Tab goes back from there, to %s", back)
				.isTrue();
		}
	}

	private static void check(ConsoleBrowser person, String name, String path, boolean tablet, SoftAssertions softly) {
		String where = name + " at " + (tablet ? "768" : "1280") + " px";
		person.open(path);
		person.awaitVisible("main h1");
		softly.assertThat(person.horizontalOverflow()).as("%s: pixels wider than the window", where).isZero();
		softly.assertThat(person.script("""
				const width = document.documentElement.clientWidth;
				return Array.from(document.querySelectorAll('nav[aria-label=Areas] a'))
				  .filter((a) => { const r = a.getBoundingClientRect();
				                   return r.width === 0 || r.left < 0 || r.right > width; })
				  .map((a) => a.textContent);
				""")).as("%s: navigation links off screen", where).asList().isEmpty();
		softly.assertThat(person.script("""
				return Array.from(document.querySelectorAll('label[for]'))
				  .map((label) => [label, document.getElementById(label.htmlFor)])
				  .filter(([label, control]) => control && control.getClientRects().length > 0
				                                && label.getClientRects().length > 0)
				  .filter(([label, control]) => {
				    const l = label.getBoundingClientRect(), c = control.getBoundingClientRect();
				    const beside = l.top < c.bottom && c.top < l.bottom;
				    const above = l.bottom <= c.top + 1 && Math.abs(l.left - c.left) < 24;
				    return !(beside || above); })
				  .map(([label]) => label.textContent.trim());
				""")).as("%s: labels wrapped away from their fields", where).asList().isEmpty();
		softly.assertThat(person.driver().findElements(org.openqa.selenium.By.cssSelector("nav[aria-label=Areas] a")))
			.as("%s: the navigation", where)
			.isNotEmpty();
		softly.assertThat(person.seriousAxeViolations()).as("%s: axe-core", where).isEmpty();
		if (tablet) {
			person.screenshot("tablet-" + name);
		}
	}

	private static ConsoleBrowser device(boolean tablet) {
		return tablet ? ConsoleBrowser.tablet(backends()) : new ConsoleBrowser(backends());
	}

	/**
	 * Presses Tab until the focus is where the person wants it, checking every stop on
	 * the way shows its focus.
	 */
	private static Focused tabUntil(Keyboard keys, java.util.function.Predicate<Focused> wanted) {
		for (int i = 0; i < TRAP; i++) {
			Focused focused = keys.tab();
			assertThat(focused.isNothing()).as("Tab %d left the page before reaching it", i).isFalse();
			assertThat(focused.showsFocus()).as("a visible focus on %s", focused).isTrue();
			if (wanted.test(focused)) {
				return focused;
			}
		}
		throw new AssertionError("not reached in " + TRAP + " presses of Tab");
	}

	private static boolean isSkip(Focused focused) {
		return focused.classes().contains("skip");
	}

	private static void isSkipLink(Focused focused) {
		assertThat(focused.text()).isEqualTo("Skip to the content");
		assertThat(focused.href()).isEqualTo("#main");
		assertThat(focused.showsFocus()).as("its focus shows: %s", focused).isTrue();
		assertThat(focused.onScreen()).as("it moves on screen when focused").isTrue();
	}

}
