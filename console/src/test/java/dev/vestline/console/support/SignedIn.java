package dev.vestline.console.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A person using the console over plain HTTP, as a browser without scripts would: signed
 * in through the provider's login form, cookies kept, redirects followed.
 */
public final class SignedIn {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

	private final HttpClient http = HttpClient.newBuilder()
		.cookieHandler(new CookieManager())
		.followRedirects(HttpClient.Redirect.NORMAL)
		.build();

	private final String console;

	private SignedIn(String console) {
		this.console = console;
	}

	/**
	 * Opens the console, is sent to the provider's login form, signs in there and comes
	 * back.
	 * @return the person, signed in
	 */
	public static SignedIn as(String person, Backends backends) {
		SignedIn browser = new SignedIn(backends.consoleUrl());
		HttpResponse<String> login = browser.get("/");
		if (!login.uri().toString().startsWith(backends.issuer() + "/login")) {
			throw new IllegalStateException("Not sent to the provider's login form but to " + login.uri());
		}
		HttpResponse<String> back = browser.send(HttpRequest.newBuilder(URI.create(backends.issuer() + "/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(form(Map.of("username", person, "password", Backends.PASSWORD, "_csrf", csrf(login.body()))))
			.build());
		if (!back.uri().toString().startsWith(backends.consoleUrl())) {
			throw new IllegalStateException("Not back in the console but at " + back.uri() + ": " + back.body());
		}
		return browser;
	}

	public HttpResponse<String> get(String path) {
		return send(HttpRequest.newBuilder(URI.create(path.startsWith("http") ? path : this.console + path))
			.header("Accept", "text/html")
			.build());
	}

	/** Asks as htmx does ({@code HX-Request}), for the part of a page it swaps in. */
	public HttpResponse<String> getAsHtmx(String path) {
		return send(HttpRequest.newBuilder(URI.create(this.console + path))
			.header("Accept", "text/html")
			.header("HX-Request", "true")
			.build());
	}

	/**
	 * Opens a stream of server-sent events as a browser's {@code EventSource} does.
	 * @return the response, its body the stream's lines as they arrive
	 */
	public HttpResponse<java.util.stream.Stream<String>> stream(String path) {
		try {
			return this.http.send(HttpRequest.newBuilder(URI.create(this.console + path))
				.header("Accept", "text/event-stream")
				.build(), HttpResponse.BodyHandlers.ofLines());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** Sends a page's form with the CSRF token the page carried. */
	public HttpResponse<String> submit(String page, String path, Map<String, String> fields) {
		Map<String, String> all = new LinkedHashMap<>(fields);
		all.put("_csrf", csrf(page));
		return post(path, all);
	}

	/**
	 * Sends a page's form as htmx does ({@code HX-Request}), with the page's CSRF token.
	 */
	public HttpResponse<String> submitAsHtmx(String page, String path, Map<String, String> fields) {
		Map<String, String> all = new LinkedHashMap<>(fields);
		all.put("_csrf", csrf(page));
		return send(HttpRequest.newBuilder(URI.create(this.console + path))
			.header("Accept", "text/html")
			.header("HX-Request", "true")
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(form(all))
			.build());
	}

	/** Sends exactly these fields: no CSRF token unless given. */
	public HttpResponse<String> post(String path, Map<String, String> fields) {
		return send(HttpRequest.newBuilder(URI.create(this.console + path))
			.header("Accept", "text/html")
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(form(fields))
			.build());
	}

	/**
	 * Sends a page's file upload form as a browser does ({@code multipart/form-data}),
	 * with the CSRF token the page carried.
	 */
	public HttpResponse<String> upload(String page, String path, String field, String fileName, String contentType,
			byte[] content) {
		String boundary = "vestline-" + java.util.UUID.randomUUID();
		String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + csrf(page)
				+ "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\""
				+ fileName + "\"\r\nContent-Type: " + contentType + "\r\n\r\n";
		byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
		return send(HttpRequest.newBuilder(URI.create(this.console + path))
			.header("Accept", "text/html")
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.concat(HttpRequest.BodyPublishers.ofString(head, StandardCharsets.UTF_8),
					HttpRequest.BodyPublishers.ofByteArray(content), HttpRequest.BodyPublishers.ofByteArray(tail)))
			.build());
	}

	/**
	 * @return the value of the page's hidden field
	 */
	public static String field(String page, String name) {
		Matcher matcher = Pattern.compile("name=\"" + Pattern.quote(name) + "\"[^>]*value=\"([^\"]*)\"").matcher(page);
		if (!matcher.find()) {
			throw new IllegalStateException("No field " + name + " in the page");
		}
		return matcher.group(1).replace("&quot;", "\"");
	}

	private static String csrf(String page) {
		Matcher matcher = CSRF.matcher(page);
		if (!matcher.find()) {
			throw new IllegalStateException("The page has no CSRF token");
		}
		return matcher.group(1);
	}

	private HttpResponse<String> send(HttpRequest request) {
		try {
			return this.http.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static HttpRequest.BodyPublisher form(Map<String, String> fields) {
		return HttpRequest.BodyPublishers.ofString(fields.entrySet()
			.stream()
			.map((field) -> field.getKey() + "=" + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&")));
	}

}
