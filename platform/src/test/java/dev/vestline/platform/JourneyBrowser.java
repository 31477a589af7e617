package dev.vestline.platform;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import dev.vestline.testharness.browser.Browser;
import org.awaitility.Awaitility;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One person's browser in the whole-subscription test (the test harness's headless
 * Chromium): staff on a laptop signed in to the console by typing on the provider's form,
 * a signer on a phone. Every page it is asked to check passes axe-core with no serious or
 * critical violation; screenshots go to {@code docs/screenshots/journey/}.
 */
final class JourneyBrowser implements AutoCloseable {

	/** The machine is shared and may be loaded: a page gets this long. */
	static final Duration PATIENCE = Duration.ofMinutes(3);

	private static final String AXE = Browser.AxeCore.script();

	private final Browser browser;

	private final String console;

	private JourneyBrowser(Browser browser, String console) {
		this.browser = browser;
		this.console = console;
	}

	/**
	 * A staff member signed in to the console as themselves, by typing their password.
	 */
	static JourneyBrowser staff(String console, String person, String password) {
		JourneyBrowser staff = new JourneyBrowser(Browser.desktop(), console);
		staff.open("/");
		staff.awaitVisible("input[name=username]").sendKeys(person);
		staff.find("input[name=password]").sendKeys(password);
		staff.find("button[type=submit]").click();
		staff.awaitText("header .who", person);
		return staff;
	}

	/** A signer's phone, on no site yet: they open the link in their mail. */
	static JourneyBrowser signer() {
		return new JourneyBrowser(Browser.phone(), "");
	}

	void open(String path) {
		this.browser.open(path.startsWith("http") ? path : this.console + path);
	}

	WebElement find(String css) {
		return this.browser.find(css);
	}

	WebElement awaitVisible(String css) {
		return new WebDriverWait(this.browser.driver(), PATIENCE)
			.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
	}

	void awaitText(String css, String text) {
		new WebDriverWait(this.browser.driver(), PATIENCE)
			.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(css), text));
	}

	/** Types into a field, replacing what it held. */
	void type(String css, String text) {
		WebElement field = awaitVisible(css);
		field.clear();
		field.sendKeys(text);
	}

	String text(String css) {
		return find(css).getText();
	}

	String value(String css) {
		return find(css).getDomProperty("value");
	}

	String path() {
		return URI.create(this.browser.driver().getCurrentUrl()).getPath();
	}

	/**
	 * Opens a page again and again, as a person reloads it, until it shows what the
	 * platform does on its own (a workflow opened, a fee accrued, a suggestion made).
	 */
	void reloadUntil(String path, String css, String text) {
		Supplier<Boolean> shows = () -> this.browser.driver()
			.findElements(By.cssSelector(css))
			.stream()
			.anyMatch((element) -> element.getText().contains(text));
		Awaitility.await(path + " showing " + text).atMost(PATIENCE).pollInterval(Duration.ofSeconds(2)).until(() -> {
			open(path);
			return shows.get();
		});
	}

	/** Checks the page with axe-core and writes its screenshot. */
	void check(String screenshot) {
		List<Map<String, Object>> serious = this.browser.axeViolations(AXE)
			.stream()
			.filter((violation) -> List.of("serious", "critical").contains(violation.get("impact")))
			.toList();
		assertThat(serious).as("axe-core on " + path()).isEmpty();
		this.browser.screenshot(screenshots().resolve(screenshot + ".png"));
	}

	private static Path screenshots() {
		return Browser.Repository.root().resolve("docs/screenshots/journey");
	}

	@Override
	public void close() {
		this.browser.close();
	}

}
