package dev.vestline.testharness.browser;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One headless Chromium (Debian's {@code chromium}, {@code chromium-headless-shell} and
 * {@code chromium-driver}, which {@code .ci/run} installs) driven by Selenium with the
 * system chromedriver, offline: no Selenium Manager, no downloads. Sized as a phone
 * ({@link #phone()}, 360 CSS pixels wide, emulated as a mobile device) or a desktop.
 */
public final class Browser implements AutoCloseable {

	/** Where Debian puts the browser and its driver. */
	static final String CHROMIUM = "/usr/bin/chromium";

	/**
	 * Debian's {@code chromium-headless-shell}: the same engine without the browser
	 * around it (its UI's own renderer, extensions, component services), which Chromium's
	 * {@code --headless} still runs. Used when installed ({@code .ci/run} installs it).
	 */
	static final String HEADLESS_SHELL = "/usr/lib/chromium/chromium-headless-shell";

	static final String CHROMEDRIVER = "/usr/bin/chromedriver";

	/** The machine may be loaded: a page gets this long to show what is awaited. */
	static final Duration PATIENCE = Duration.ofSeconds(90);

	private final ChromeDriver driver;

	private final int width;

	private final int height;

	private final boolean mobile;

	private Browser(int width, int height, boolean mobile) {
		System.setProperty("SE_OFFLINE", "true");
		for (String binary : List.of(CHROMIUM, CHROMEDRIVER)) {
			if (!new File(binary).canExecute()) {
				throw new IllegalStateException(binary + " is missing: install Debian's chromium and chromium-driver "
						+ "(apt-get install chromium chromium-driver), as .ci/run does");
			}
		}
		ChromeOptions options = new ChromeOptions();
		options.setBinary(new File(HEADLESS_SHELL).canExecute() ? HEADLESS_SHELL : CHROMIUM);
		options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
				"--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
				"--window-size=" + Math.max(width, 500) + "," + height);
		options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER))
			.usingAnyFreePort()
			.build();
		this.driver = new ChromeDriver(service, options);
		this.driver.manage().timeouts().pageLoadTimeout(PATIENCE).scriptTimeout(PATIENCE);
		this.width = width;
		this.height = height;
		this.mobile = mobile;
		viewport(height);
	}

	/** A phone: 360 by 780 CSS pixels, touch, mobile. */
	public static Browser phone() {
		return new Browser(360, 780, true);
	}

	/**
	 * A tablet held upright: 768 by 1024 CSS pixels, mobile (its viewport meta counts).
	 */
	public static Browser tablet() {
		return new Browser(768, 1024, true);
	}

	/** A desktop window: 1280 by 900. */
	public static Browser desktop() {
		return new Browser(1280, 900, false);
	}

	public ChromeDriver driver() {
		return this.driver;
	}

	public void open(String url) {
		this.driver.get(url);
	}

	public WebElement find(String css) {
		return this.driver.findElement(By.cssSelector(css));
	}

	/** Waits until an element shows text, e.g. a page's heading after a form was sent. */
	public void awaitText(String css, String text) {
		new WebDriverWait(this.driver, PATIENCE)
			.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(css), text));
	}

	/**
	 * @return the page's heading
	 */
	public String heading() {
		return find("h1").getText();
	}

	/**
	 * Waits until every image of the page has loaded or failed.
	 * @return the {@code src} of each image that failed (none when all show)
	 */
	@SuppressWarnings("unchecked")
	public List<String> brokenImages() {
		new WebDriverWait(this.driver, PATIENCE).until(
				(driver) -> (Boolean) script("return Array.from(document.images).every((image) => image.complete);"));
		return (List<String>) script(
				"return Array.from(document.images).filter((image) => image.naturalWidth === 0).map((image) => image.src);");
	}

	/**
	 * @return how many CSS pixels the page is wider than the window (0 when nothing needs
	 * horizontal scrolling)
	 */
	public long horizontalOverflow() {
		Object overflow = script("return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
		return ((Number) overflow).longValue();
	}

	/**
	 * Runs axe-core in the page.
	 * @param axe the axe-core script ({@link AxeCore#script()})
	 * @return its violations, each with id, impact, help and the selectors of its nodes
	 */
	@SuppressWarnings("unchecked")
	public List<Map<String, Object>> axeViolations(String axe) {
		script(axe);
		Object result = this.driver.executeAsyncScript("""
				const done = arguments[arguments.length - 1];
				axe.run(document, { resultTypes: ['violations'] })
				  .then((r) => done(r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help,
				      nodes: v.nodes.map((n) => n.target.join(' ')) }))))
				  .catch((e) => done([{ id: 'axe-failed', impact: 'critical', help: String(e), nodes: [] }]));
				""");
		return (List<Map<String, Object>>) result;
	}

	/**
	 * @return what the browser's console said since the last call, e.g. a script error or
	 * a request the Content-Security-Policy refused
	 */
	public List<String> console() {
		return this.driver.manage().logs().get(LogType.BROWSER).getAll().stream().map(LogEntry::getMessage).toList();
	}

	/** Writes the whole page, not only the window, as a PNG. */
	public void screenshot(Path file) {
		Number height = (Number) script("return Math.max(document.documentElement.scrollHeight, 300);");
		viewport((int) Math.min(height.longValue(), 8000));
		Map<String, Object> shot = this.driver.executeCdpCommand("Page.captureScreenshot",
				Map.of("format", "png", "captureBeyondViewport", false));
		try {
			Files.createDirectories(file.getParent());
			Files.write(file, Base64.getDecoder().decode((String) shot.get("data")));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		finally {
			viewport(this.height);
		}
	}

	public Object script(String script, Object... arguments) {
		return ((JavascriptExecutor) this.driver).executeScript(script, arguments);
	}

	private void viewport(int height) {
		this.driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
				Map.of("width", this.width, "height", height, "deviceScaleFactor", 1, "mobile", this.mobile));
	}

	@Override
	public void close() {
		this.driver.quit();
	}

	/**
	 * axe-core, the accessibility engine, read from the npm package that {@code .ci/run}
	 * installs under the repository's {@code .tools/}, or from the file named by the
	 * {@code vestline.axe-core} system property.
	 */
	public static final class AxeCore {

		private AxeCore() {
		}

		public static String script() {
			String named = System.getProperty("vestline.axe-core");
			Path file = (named != null) ? Path.of(named)
					: Repository.root().resolve(".tools/node_modules/axe-core/axe.min.js");
			if (!Files.isReadable(file)) {
				throw new IllegalStateException(file + " is missing: install axe-core with "
						+ "`npm install --prefix .tools axe-core@4.11.0` in the repository, as .ci/run does");
			}
			try {
				return Files.readString(file, StandardCharsets.UTF_8);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

	}

	/**
	 * The repository a module's tests run in: the first directory up with {@code mvnw}.
	 */
	public static final class Repository {

		private Repository() {
		}

		public static Path root() {
			Path dir = Path.of("").toAbsolutePath();
			while (dir != null && !Files.exists(dir.resolve("mvnw"))) {
				dir = dir.getParent();
			}
			if (dir == null) {
				throw new IllegalStateException("no mvnw above " + Path.of("").toAbsolutePath());
			}
			return dir;
		}

	}

}
