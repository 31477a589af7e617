package dev.vestline.support.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.springframework.http.HttpStatus;

/**
 * The one catalogue of problem types ({@code problem-types.properties} beside this
 * class): each slug's status, title and a description of what happened and what to do. A
 * {@code http-<status>} slug (a refusal with nothing more precise to say) is described
 * from its status.
 */
public final class ProblemTypes {

	private static final Pattern HTTP = Pattern.compile("http-([1-5][0-9]{2})");

	private final Properties catalogue;

	private ProblemTypes(Properties catalogue) {
		this.catalogue = catalogue;
	}

	/**
	 * @return the catalogue shipped with the kit
	 */
	public static ProblemTypes load() {
		Properties catalogue = new Properties();
		try (InputStream in = ProblemTypes.class.getResourceAsStream("problem-types.properties")) {
			if (in == null) {
				throw new IllegalStateException("problem-types.properties is missing beside ProblemTypes");
			}
			catalogue.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return new ProblemTypes(catalogue);
	}

	/**
	 * @return every slug the catalogue documents, sorted
	 */
	public Set<String> slugs() {
		Set<String> slugs = new TreeSet<>();
		this.catalogue.stringPropertyNames().forEach((name) -> slugs.add(name.substring(0, name.lastIndexOf('.'))));
		return Collections.unmodifiableSet(slugs);
	}

	/**
	 * @param slug a problem type's last segment
	 * @return its documentation, or empty when no problem has this type
	 */
	public Optional<ProblemType> find(String slug) {
		String title = this.catalogue.getProperty(slug + ".title");
		if (title != null) {
			return Optional.of(new ProblemType(slug, Integer.parseInt(this.catalogue.getProperty(slug + ".status")),
					title, this.catalogue.getProperty(slug + ".description", "")));
		}
		var http = HTTP.matcher(slug);
		HttpStatus status = http.matches() ? HttpStatus.resolve(Integer.parseInt(http.group(1))) : null;
		return Optional.ofNullable(status)
			.map((known) -> new ProblemType(slug, known.value(), known.getReasonPhrase(),
					"The request was refused with HTTP status " + known.value() + " (" + known.getReasonPhrase()
							+ ") and nothing more precise to say; the problem's detail says what to change."));
	}

	/**
	 * One documented problem type.
	 *
	 * @param slug the type's last segment
	 * @param status the status it is answered with
	 * @param title its short, stable summary
	 * @param description what happened and what the caller can do
	 */
	public record ProblemType(String slug, int status, String title, String description) {

	}

}
