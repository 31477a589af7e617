package dev.vestline.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * One request the fuzzer sends, exactly as sent: the path is already encoded (a
 * {@code %2F} in it stays a {@code %2F}) and the body is raw bytes.
 *
 * @param operation the operation of the OpenAPI document it targets, e.g.
 * {@code POST /api/v1/deals}
 * @param mutation what is hostile about it, e.g. {@code body.amount = 1e400}
 * @param method the HTTP method
 * @param path the encoded path and query
 * @param headers the headers, in order
 * @param body the body, empty for none
 */
public record FuzzRequest(String operation, String mutation, String method, String path, Map<String, String> headers,
		byte[] body) {

	private static final int SHOWN_BODY = 300;

	public FuzzRequest {
		headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
	}

	/**
	 * @param name a header
	 * @param value its new value, or {@code null} to remove it
	 * @return this request with the header set or removed
	 */
	public FuzzRequest withHeader(String name, @Nullable String value) {
		Map<String, String> changed = new LinkedHashMap<>(this.headers);
		changed.keySet().removeIf(name::equalsIgnoreCase);
		if (value != null) {
			changed.put(name, value);
		}
		return new FuzzRequest(this.operation, this.mutation, this.method, this.path, changed, this.body);
	}

	/**
	 * @param mutation what is hostile about the new request
	 * @param body its body
	 * @return this request with another body
	 */
	public FuzzRequest withBody(String mutation, byte[] body) {
		return new FuzzRequest(this.operation, mutation, this.method, this.path, this.headers, body);
	}

	/**
	 * @param mutation what is hostile about the new request
	 * @param path its encoded path and query
	 * @return this request to another path
	 */
	public FuzzRequest withPath(String mutation, String path) {
		return new FuzzRequest(this.operation, mutation, this.method, path, this.headers, this.body);
	}

	/**
	 * @param mutation what is hostile about the new request
	 * @return this request, described differently
	 */
	public FuzzRequest as(String mutation) {
		return new FuzzRequest(this.operation, mutation, this.method, this.path, this.headers, this.body);
	}

	/**
	 * @return method, path, headers and the body's beginning, enough to send it again
	 */
	public String describe() {
		StringBuilder text = new StringBuilder(this.method).append(' ').append(shorten(this.path, 400)).append('\n');
		this.headers.forEach(
				(name, value) -> text.append("  ").append(name).append(": ").append(shorten(value, 400)).append('\n'));
		text.append("  body (")
			.append(this.body.length)
			.append(" bytes): ")
			.append(shorten(new String(this.body, StandardCharsets.UTF_8), SHOWN_BODY));
		return text.toString();
	}

	static String shorten(String text, int max) {
		String printable = text.replace("\u0000", "\\u0000");
		return (printable.length() <= max) ? printable
				: printable.substring(0, max) + "…(" + printable.length() + " chars)";
	}

}
