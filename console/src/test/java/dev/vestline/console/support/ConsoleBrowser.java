package dev.vestline.console.support;

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
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One headless Chromium (Debian's {@code chromium} and {@code chromium-driver}) driven by
 * Selenium with the system chromedriver, offline (no Selenium Manager, no downloads), as
 * a staff member's laptop: 1280 CSS pixels wide.
 */
public final class ConsoleBrowser implements AutoCloseable {

	static final String CHROMIUM = "/usr/bin/chromium";

	static final String CHROMEDRIVER = "/usr/bin/chromedriver";

	/** The machine may be loaded: a page gets this long to show what is awaited. */
	static final Duration PATIENCE = Duration.ofSeconds(90);

	private static final int WIDTH = 1280;

	private static final int HEIGHT = 900;

	private final ChromeDriver driver;

	private final Backends backends;

	public ConsoleBrowser(Backends backends) {
		this.backends = backends;
		System.setProperty("SE_OFFLINE", "true");
		for (String binary : List.of(CHROMIUM, CHROMEDRIVER)) {
			if (!new File(binary).canExecute()) {
				throw new IllegalStateException(binary + " is missing: apt-get install chromium chromium-driver");
			}
		}
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM);
		options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
				"--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
				"--window-size=" + WIDTH + "," + HEIGHT);
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER))
			.usingAnyFreePort()
			.build();
		this.driver = new ChromeDriver(service, options);
		this.driver.manage().timeouts().pageLoadTimeout(PATIENCE).scriptTimeout(PATIENCE);
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
		this.driver.get(path.startsWith("http") ? path : this.backends.consoleUrl() + path);
	}

	public WebElement find(String css) {
		return this.driver.findElement(By.cssSelector(css));
	}

	public WebElement awaitVisible(String css) {
		return new WebDriverWait(this.driver, PATIENCE)
			.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
	}

	public void awaitText(String css, String text) {
		new WebDriverWait(this.driver, PATIENCE)
			.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(css), text));
	}

	public String heading() {
		return find("h1").getText();
	}

	public String text(String css) {
		return find(css).getText();
	}

	public ChromeDriver driver() {
		return this.driver;
	}

	public String url() {
		return this.driver.getCurrentUrl();
	}

	/**
	 * Runs axe-core in the page.
	 * @return its violations, each with id, impact, help and the selectors of its nodes
	 */
	@SuppressWarnings("unchecked")
	public List<Map<String, Object>> axeViolations() {
		script(AxeCore.script());
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
	 * @return the serious and critical ones
	 */
	public List<Map<String, Object>> seriousAxeViolations() {
		return axeViolations().stream()
			.filter((violation) -> List.of("serious", "critical").contains(violation.get("impact")))
			.toList();
	}

	/**
	 * Writes the whole page as a PNG under the repository's
	 * {@code docs/screenshots/console/}.
	 */
	public void screenshot(String name) {
		Path file = AxeCore.repository().resolve("docs/screenshots/console").resolve(name + ".png");
		Number height = (Number) script("return Math.max(document.documentElement.scrollHeight, 300);");
		viewport((int) Math.min(height.longValue(), 4000));
		try {
			Map<String, Object> shot = this.driver.executeCdpCommand("Page.captureScreenshot", Map.of("format", "png"));
			Files.createDirectories(file.getParent());
			Files.write(file, Base64.getDecoder().decode((String) shot.get("data")));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		finally {
			this.driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
		}
	}

	public Object script(String script, Object... arguments) {
		return ((JavascriptExecutor) this.driver).executeScript(script, arguments);
	}

	private void viewport(int height) {
		this.driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
				Map.of("width", WIDTH, "height", height, "deviceScaleFactor", 1, "mobile", false));
	}

	@Override
	public void close() {
		this.driver.quit();
	}

	/**
	 * axe-core, the accessibility engine: its WebJar did not resolve from the Maven
	 * Central this build reaches, so it is the npm package installed under the
	 * repository's {@code .tools/} ({@code npm install --prefix .tools axe-core@4.11.0}),
	 * or the file named by the {@code vestline.axe-core} system property.
	 */
	static final class AxeCore {

		private AxeCore() {
		}

		static String script() {
			String named = System.getProperty("vestline.axe-core");
			Path file = (named != null) ? Path.of(named)
					: repository().resolve(".tools/node_modules/axe-core/axe.min.js");
			if (!Files.isReadable(file)) {
				throw new IllegalStateException(file + " is missing: install axe-core with "
						+ "`npm install --prefix .tools axe-core@4.11.0` in the repository");
			}
			try {
				return Files.readString(file, StandardCharsets.UTF_8);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

		static Path repository() {
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
