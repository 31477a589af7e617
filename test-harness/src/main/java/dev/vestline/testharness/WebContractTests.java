package dev.vestline.testharness;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The web kit's contract, the same for every service: one table of bad requests, each
 * answered with the same status and problem {@code type} by every service, whose type
 * page ({@code /problems/<slug>}) the service serves. A service's
 * {@code *WebContractIntegrationTests} implements this interface beside its own
 * integration test base and names one of its routes for each kind of request
 * ({@link #webContractRoutes()}).
 */
public interface WebContractTests {

	/** Where every problem type lives; the slug follows. */
	String TYPE_BASE = "https://vestline.dev/problems/";

	/**
	 * @return the running service's routes for the table; called for each row
	 */
	Routes webContractRoutes();

	@ParameterizedTest(name = "{0}")
	@EnumSource(BadRequest.class)
	default void answersEveryBadRequestWithTheSameProblem(BadRequest row) throws Exception {
		Routes routes = webContractRoutes();
		Raw answer = row.send(routes);

		assertThat(answer.status()).as(row + ": " + answer).isEqualTo(row.status);
		assertThat(answer.contentType()).as(row + ": " + answer).startsWith("application/problem+json");
		assertThat(answer.body()).as(row + ": " + answer)
			.contains("\"type\":\"" + TYPE_BASE + row.slug + "\"")
			.contains("\"status\":" + row.status);
		if (row == BadRequest.NO_TOKEN || row == BadRequest.INVALID_TOKEN) {
			assertThat(answer.wwwAuthenticate()).as(row + ": " + answer).startsWith("Bearer");
		}
		if (row.namesField) {
			assertThat(answer.body()).as(row + ": " + answer).contains("\"errors\":[{");
		}
		Raw page = routes.send("GET", "/problems/" + row.slug, null, null, null);
		assertThat(page.status()).as("the page of " + row.slug).isEqualTo(200);
		assertThat(page.contentType()).as("the page of " + row.slug).startsWith("text/html");
	}

	/**
	 * The bad requests of the table: what is sent, and the status and slug every service
	 * answers it with.
	 */
	enum BadRequest {

		/** A change of a versioned resource without {@code If-Match}. */
		IF_MATCH_MISSING(428, "if-match-required", false, (r) -> r.sendChange(null)),

		/** {@code If-Match} that is no ETag the API returned. */
		IF_MATCH_MALFORMED(400, "invalid-request", true, (r) -> r.sendChange("\"not-a-version\"")),

		/** {@code If-Match} naming a version the resource is not at. */
		IF_MATCH_STALE(412, "stale-version", false, (r) -> r.sendChange("\"987654\"")),

		/** A JSON body sent as text. */
		WRONG_MEDIA_TYPE(415, "http-415", false,
				(r) -> r.send(r.json().method(), r.json().path(), r.token(), "text/plain", r.json().body())),

		/** A body longer than any API body may be, refused from its declared length. */
		OVERSIZED_BODY(413, "payload-too-large", false, Routes::sendOversized),

		/** A body that is not JSON. */
		MALFORMED_JSON(400, "invalid-request", true,
				(r) -> r.send(r.json().method(), r.json().path(), r.token(), "application/json", "{\"")),

		/** JSON whose values the operation refuses. */
		VALIDATION_FAILURE(400, "invalid-request", true,
				(r) -> r.send(r.json().method(), r.json().path(), r.token(), "application/json", r.invalidBody())),

		/** A path no operation has, by a caller who may read the API. */
		UNKNOWN_ROUTE(404, "http-404", false, (r) -> r.send("GET", r.unknownPath(), r.token(), null, null)),

		/** No bearer token. */
		NO_TOKEN(401, "unauthenticated", false, (r) -> r.send("GET", r.readablePath(), null, null, null)),

		/** A bearer token that does not verify. */
		INVALID_TOKEN(401, "unauthenticated", false, (r) -> r.send("GET", r.readablePath(), "not.a.token", null, null)),

		/** A valid token of a role no rule allows. */
		WRONG_ROLE(403, "forbidden", false, (r) -> r.send("GET", r.readablePath(), r.wrongRoleToken(), null, null));

		final int status;

		final String slug;

		final boolean namesField;

		private final Request request;

		BadRequest(int status, String slug, boolean namesField, Request request) {
			this.status = status;
			this.slug = slug;
			this.namesField = namesField;
			this.request = request;
		}

		Raw send(Routes routes) throws Exception {
			return this.request.send(routes);
		}

		@Override
		public String toString() {
			return name().toLowerCase(Locale.ROOT).replace('_', ' ') + " -> " + this.status + " " + this.slug;
		}

	}

	/** How a row is sent. */
	@FunctionalInterface
	interface Request {

		Raw send(Routes routes) throws Exception;

	}

	/**
	 * One operation of the service.
	 *
	 * @param method e.g. {@code POST}
	 * @param path e.g. {@code /api/v1/deals}
	 * @param body a JSON body it accepts (for a versioned change: one that would pass
	 * with the right {@code If-Match})
	 */
	record Operation(String method, String path, String body) {

	}

	/**
	 * A service's routes for the table.
	 *
	 * @param port the running service's port
	 * @param token a bearer token allowed to call every route named here
	 * @param wrongRoleToken a valid bearer token of a role no rule allows
	 * @param versioned a change of an existing versioned resource, which takes
	 * {@code If-Match}
	 * @param json an operation that reads a JSON body
	 * @param invalidBody a JSON body that operation refuses field by field
	 * @param readablePath a GET the token may call
	 * @param unknownPath a path under the API that no operation has, which the token may
	 * call
	 */
	record Routes(int port, String token, String wrongRoleToken, Operation versioned, Operation json,
			String invalidBody, String readablePath, String unknownPath) {

		Raw sendChange(@Nullable String ifMatch) throws IOException, InterruptedException {
			HttpRequest.Builder request = request(this.versioned.method(), this.versioned.path(), this.token,
					"application/json", this.versioned.body());
			if (ifMatch != null) {
				request.header("If-Match", ifMatch);
			}
			return Raw.of(HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString()));
		}

		Raw send(String method, String path, @Nullable String bearer, @Nullable String contentType,
				@Nullable String body) throws IOException, InterruptedException {
			return Raw.of(HttpClient.newHttpClient()
				.send(request(method, path, bearer, contentType, body).build(), HttpResponse.BodyHandlers.ofString()));
		}

		/** Declares a body of 20 MB and sends none: the length alone is refused. */
		Raw sendOversized() throws IOException {
			try (RawHttpConnection connection = RawHttpConnection.open(this.port)) {
				connection.send(this.json.method() + " " + this.json.path() + " HTTP/1.1\r\nHost: localhost\r\n"
						+ "Authorization: Bearer " + this.token + "\r\nContent-Type: application/json\r\n"
						+ "Content-Length: 20000000\r\n\r\n");
				return Raw.parse(connection.readResponse());
			}
		}

		private HttpRequest.Builder request(String method, String path, @Nullable String bearer,
				@Nullable String contentType, @Nullable String body) {
			HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
				.timeout(Duration.ofSeconds(60))
				.method(method, (body != null) ? HttpRequest.BodyPublishers.ofString(body)
						: HttpRequest.BodyPublishers.noBody());
			if (bearer != null) {
				request.header("Authorization", "Bearer " + bearer);
			}
			if (contentType != null) {
				request.header("Content-Type", contentType);
			}
			return request;
		}

	}

	/**
	 * An answer as it came over the wire.
	 *
	 * @param status its status
	 * @param contentType its {@code Content-Type}, or empty
	 * @param wwwAuthenticate its {@code WWW-Authenticate}, or empty
	 * @param body its body
	 */
	record Raw(int status, String contentType, String wwwAuthenticate, String body) {

		static Raw of(HttpResponse<String> response) {
			return new Raw(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
					response.headers().firstValue("WWW-Authenticate").orElse(""), response.body());
		}

		static Raw parse(String response) {
			String head = response.substring(0, Math.max(0, response.indexOf("\r\n\r\n")));
			int status = Integer.parseInt(head.split(" ", 3)[1]);
			return new Raw(status, header(head, "content-type"), header(head, "www-authenticate"),
					response.substring(Math.min(response.length(), head.length() + 4)));
		}

		private static String header(String head, String name) {
			return head.lines()
				.filter((line) -> line.toLowerCase(Locale.ROOT).startsWith(name + ":"))
				.map((line) -> line.substring(name.length() + 1).strip())
				.findFirst()
				.orElse("");
		}

	}

}
