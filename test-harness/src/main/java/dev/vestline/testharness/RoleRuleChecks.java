package dev.vestline.testharness;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.BiFunction;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks a running service's role rules with tokens from {@link ProviderTokens}, in each
 * shape a real provider issues them (Keycloak's {@code realm_access.roles}, Entra ID's
 * {@code roles}): a rule lets its roles in and keeps the others out with a 403 problem,
 * and a token for another audience is a 401 problem.
 */
public final class RoleRuleChecks {

	private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	private final ProviderTokens provider;

	private final String baseUrl;

	private final List<BiFunction<String, String[], String>> shapes;

	/**
	 * @param provider the issuer the service trusts (see
	 * {@link ProviderTokens#properties()})
	 * @param port the service's local port
	 */
	public RoleRuleChecks(ProviderTokens provider, int port) {
		this.provider = provider;
		this.baseUrl = "http://127.0.0.1:" + port;
		this.shapes = List.of(provider::keycloak, provider::entra);
	}

	/**
	 * Asserts that a token with these roles gets past the security rules (any answer but
	 * 401 or 403), in every token shape.
	 */
	public void assertAllowed(String method, String path, String... roles) throws Exception {
		for (BiFunction<String, String[], String> shape : this.shapes) {
			HttpResponse<String> answer = call(method, path, shape.apply("someone", roles));
			assertThat(answer.statusCode()).as(describe(method, path, roles, answer)).isNotIn(401, 403);
		}
	}

	/**
	 * Asserts that a token with these roles is refused with a 403 problem, in every token
	 * shape.
	 */
	public void assertForbidden(String method, String path, String... roles) throws Exception {
		for (BiFunction<String, String[], String> shape : this.shapes) {
			HttpResponse<String> answer = call(method, path, shape.apply("someone", roles));
			assertThat(answer.statusCode()).as(describe(method, path, roles, answer)).isEqualTo(403);
			assertProblem(answer);
		}
	}

	/**
	 * Asserts that an otherwise good token issued for another application is refused with
	 * a 401 problem.
	 */
	public void assertRefusesAnotherAudience(String path, String role) throws Exception {
		HttpResponse<String> answer = call("GET", path,
				this.provider.forAnotherAudience("someone", "api://another-application", role));
		assertThat(answer.statusCode()).as(answer.body()).isEqualTo(401);
		assertProblem(answer);
	}

	private HttpResponse<String> call(String method, String path, String token) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create(this.baseUrl + path))
			.timeout(Duration.ofSeconds(60))
			.header("Authorization", "Bearer " + token)
			.header("Content-Type", "application/json")
			.header("Idempotency-Key", UUID.randomUUID().toString())
			.method(method, HttpRequest.BodyPublishers.ofString(method.equals("GET") ? "" : "{}"))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static void assertProblem(HttpResponse<String> answer) {
		assertThat(answer.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
	}

	private static String describe(String method, String path, String[] roles, HttpResponse<String> answer) {
		return method + " " + path + " as " + String.join(",", roles) + ": " + answer.body();
	}

}
