package dev.vestline.console.support;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.vestline.testharness.browser.Browser;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A staff member's laptop (the test harness's headless Chromium, 1280 CSS pixels wide) or
 * tablet (768) pointed at the console: paths are the console's, signing in types on the
 * identity provider's form, and screenshots go to {@code docs/screenshots/console/}.
 */
public final class ConsoleBrowser implements AutoCloseable {

	/** The machine may be loaded: a page gets this long to show what is awaited. */
	static final Duration PATIENCE = Duration.ofSeconds(90);

	private static final String AXE = Browser.AxeCore.script();

	private final Browser browser;

	private final Backends backends;

	/** A laptop: 1280 CSS pixels wide. */
	public ConsoleBrowser(Backends backends) {
		this(backends, Browser.desktop());
	}

	private ConsoleBrowser(Backends backends, Browser browser) {
		this.backends = backends;
		this.browser = browser;
	}

	/** A tablet held upright: 768 by 1024 CSS pixels. */
	public static ConsoleBrowser tablet(Backends backends) {
		return new ConsoleBrowser(backends, Browser.tablet());
	}

	/**
	 * Opens the console, signs in on the provider's login form by typing, and waits until
	 * the console shows who is signed in.
	 */
	public ConsoleBrowser signIn(String person) {
		open("/");
		awaitVisible("input[name=username]").sendKeys(person);
		find("input[name=password]").sendKeys(Backends.PASSWORD);
		find("button[type=submit]").click();
		awaitText("header .who", person);
		return this;
	}

	public void open(String path) {
		this.browser.open(path.startsWith("http") ? path : this.backends.consoleUrl() + path);
	}

	public WebElement find(String css) {
		return this.browser.find(css);
	}

	public WebElement awaitVisible(String css) {
		return new WebDriverWait(driver(), PATIENCE)
			.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
	}

	public void awaitText(String css, String text) {
		this.browser.awaitText(css, text);
	}

	public String heading() {
		return this.browser.heading();
	}

	public String text(String css) {
		return find(css).getText();
	}

	public ChromeDriver driver() {
		return this.browser.driver();
	}

	public String url() {
		return driver().getCurrentUrl();
	}

	/**
	 * @return axe-core's serious and critical violations on the page
	 */
	public List<Map<String, Object>> seriousAxeViolations() {
		return this.browser.axeViolations(AXE)
			.stream()
			.filter((violation) -> List.of("serious", "critical").contains(violation.get("impact")))
			.toList();
	}

	/**
	 * Writes the whole page as a PNG under the repository's
	 * {@code docs/screenshots/console/}.
	 */
	public void screenshot(String name) {
		this.browser.screenshot(Browser.Repository.root().resolve("docs/screenshots/console").resolve(name + ".png"));
	}

	/**
	 * @return how many CSS pixels the page is wider than the window (0 when nothing needs
	 * horizontal scrolling)
	 */
	public long horizontalOverflow() {
		return this.browser.horizontalOverflow();
	}

	public Object script(String script, Object... arguments) {
		return this.browser.script(script, arguments);
	}

	@Override
	public void close() {
		this.browser.close();
	}

}
