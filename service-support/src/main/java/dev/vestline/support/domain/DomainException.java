package dev.vestline.support.domain;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A request the domain refuses, with a stable slug that names the failure (e.g.
 * {@code four-eyes}, {@code over-capacity}), a short title and a detail a person
 * understands. Which family it belongs to says how a caller is answered; it never names a
 * status.
 */
public abstract sealed class DomainException extends RuntimeException
		permits NotFound, Conflict, StaleVersion, NotPermitted, InvalidInput, Unacceptable, Expired, Unauthenticated {

	private final String slug;

	private final String title;

	private final Map<String, Object> properties = new LinkedHashMap<>();

	private @Nullable Duration retryAfter;

	protected DomainException(String slug, String title, String detail) {
		super(detail);
		this.slug = slug;
		this.title = title;
	}

	/**
	 * @param name a property the caller may act on, e.g. {@code currentVersion}
	 * @param value its value (a string, number, list or map)
	 * @return this exception
	 */
	public DomainException with(String name, Object value) {
		this.properties.put(name, value);
		return this;
	}

	/**
	 * @param wait how long to wait before the same request may pass (a held lease)
	 * @return this exception
	 */
	public DomainException retryAfter(Duration wait) {
		this.retryAfter = wait;
		return this;
	}

	/**
	 * @return the stable last segment of the problem type
	 */
	public String slug() {
		return this.slug;
	}

	/**
	 * @return a short, stable summary
	 */
	public String title() {
		return this.title;
	}

	/**
	 * @return what happened, for a person
	 */
	public String detail() {
		return String.valueOf(getMessage());
	}

	/**
	 * @return the properties a caller may act on, in the order they were added
	 */
	public Map<String, Object> properties() {
		return Collections.unmodifiableMap(this.properties);
	}

	/**
	 * @return how long to wait before retrying, or {@code null} when a retry will not
	 * help
	 */
	public @Nullable Duration retryAfter() {
		return this.retryAfter;
	}

}
