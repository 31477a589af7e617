package dev.vestline.console.support;

import java.util.Map;

import org.openqa.selenium.Keys;
import org.openqa.selenium.interactions.Actions;

/**
 * A person at the keyboard, without a mouse: key presses go to whatever has the focus, as
 * real key events (so {@code :focus-visible} applies), and what has the focus is read
 * with the styles that show it.
 */
public final class Keyboard {

	/** What a focused element looks like: enough to name it and to see its focus. */
	private static final String FOCUSED = """
			const e = document.activeElement;
			if (!e || e === document.body || e === document.documentElement) { return null; }
			const s = getComputedStyle(e);
			const r = e.getBoundingClientRect();
			const outline = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0;
			const shadow = s.boxShadow !== 'none' && s.boxShadow !== '';
			return { tag: e.tagName.toLowerCase(), id: e.id, classes: e.className,
			         href: e.getAttribute('href') || '', text: (e.innerText || e.value || '').trim().slice(0, 60),
			         indicator: outline ? 'outline ' + s.outlineStyle + ' ' + s.outlineWidth : (shadow ? 'box-shadow' : 'none'),
			         onScreen: r.width > 0 && r.height > 0 && r.left >= 0 && r.right <= document.documentElement.clientWidth };
			""";

	private final ConsoleBrowser browser;

	public Keyboard(ConsoleBrowser browser) {
		this.browser = browser;
	}

	/** Presses Tab. */
	public Focused tab() {
		return press(Keys.TAB);
	}

	/** Presses Shift+Tab. */
	public Focused shiftTab() {
		new Actions(this.browser.driver()).keyDown(Keys.SHIFT).sendKeys(Keys.TAB).keyUp(Keys.SHIFT).perform();
		return focused();
	}

	/** Presses a key (Enter, Space, Tab) where the focus is. */
	public Focused press(Keys key) {
		new Actions(this.browser.driver()).sendKeys(key).perform();
		return focused();
	}

	/** Types text where the focus is. */
	public void type(String text) {
		new Actions(this.browser.driver()).sendKeys(text).perform();
	}

	/**
	 * @return what has the focus now, or {@link Focused#NOTHING} when the page itself has
	 * it (the focus left the page's elements)
	 */
	@SuppressWarnings("unchecked")
	public Focused focused() {
		Map<String, Object> seen = (Map<String, Object>) this.browser.script(FOCUSED);
		if (seen == null) {
			return Focused.NOTHING;
		}
		return new Focused(String.valueOf(seen.get("tag")), String.valueOf(seen.get("id")),
				String.valueOf(seen.get("classes")), String.valueOf(seen.get("href")), String.valueOf(seen.get("text")),
				String.valueOf(seen.get("indicator")), Boolean.TRUE.equals(seen.get("onScreen")));
	}

	/**
	 * An element with the focus.
	 *
	 * @param tag its tag
	 * @param id its id, or empty
	 * @param classes its classes
	 * @param href a link's address, or empty
	 * @param text what it says (or a field's value), shortened
	 * @param indicator what shows the focus: an outline, a box shadow, or {@code none}
	 * @param onScreen whether it is inside the window's width, not pushed off it
	 */
	public record Focused(String tag, String id, String classes, String href, String text, String indicator,
			boolean onScreen) {

		/** The page itself: no element has the focus. */
		public static final Focused NOTHING = new Focused("", "", "", "", "", "none", false);

		public boolean isNothing() {
			return this.tag.isEmpty();
		}

		public boolean showsFocus() {
			return !"none".equals(this.indicator);
		}

		@Override
		public String toString() {
			return isNothing() ? "(the page)"
					: "<" + this.tag + (this.id.isEmpty() ? "" : " id=" + this.id)
							+ (this.href.isEmpty() ? "" : " href=" + this.href) + "> " + this.text + " [focus: "
							+ this.indicator + "]";
		}

	}

}
