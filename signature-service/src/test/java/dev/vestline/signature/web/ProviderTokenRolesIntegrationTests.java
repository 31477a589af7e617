package dev.vestline.signature.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.function.BiFunction;

import dev.vestline.testharness.ProviderTokens;
import dev.vestline.testharness.RealInfrastructure;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Signature's role rules with access tokens from an OpenID Connect provider, shaped as
 * Keycloak issues them (roles in {@code realm_access.roles}) and as Entra ID does (app
 * roles in {@code roles}, the application ID URI as audience), verified against the
 * provider's JWK set: each rule lets its roles in and keeps the others out with a 403
 * problem, and a token for another audience is a 401 problem.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@RealInfrastructure(service = "signature")
class ProviderTokenRolesIntegrationTests {

	private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	private static final ProviderTokens provider = ProviderTokens.shared();

	/** A token of each shape, for a subject and roles. */
	private static final List<BiFunction<String, String[], String>> SHAPES = List.of(provider::keycloak,
			provider::entra);

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void identityProvider(DynamicPropertyRegistry registry) {
		provider.properties().forEach((name, value) -> registry.add(name, () -> value));
	}

	@Test
	void letsStaffButNoInvestorReadWorkflows() throws Exception {
		for (String staff : List.of("approver", "compliance", "operations")) {
			assertAllowed("GET", "/api/v1/workflows/" + java.util.UUID.randomUUID(), staff);
		}
		assertForbidden("GET", "/api/v1/workflows/" + java.util.UUID.randomUUID(), "investor");
		assertForbidden("GET", "/api/v1/workflows/" + java.util.UUID.randomUUID(), "billing");
	}

	@Test
	void letsOnlyComplianceAndOperationsCancelOrReissue() throws Exception {
		String workflow = "/api/v1/workflows/" + java.util.UUID.randomUUID();
		assertAllowed("POST", workflow + "/cancel", "compliance");
		assertAllowed("POST", workflow + "/reissue", "operations");
		assertForbidden("POST", workflow + "/cancel", "approver");
		assertForbidden("POST", workflow + "/reissue", "investor");
	}

	@Test
	void letsOnlyOperationsConfigureAVehiclesParties() throws Exception {
		String party = "/api/v1/vehicles/" + java.util.UUID.randomUUID() + "/parties/ARRANGER";
		assertAllowed("PUT", party, "operations");
		assertForbidden("PUT", party, "compliance");
	}

	@Test
	void letsOnlyOperationsAtTheDeadLetters() throws Exception {
		assertAllowed("GET", "/api/v1/dead-letters", "operations");
		assertForbidden("GET", "/api/v1/dead-letters", "compliance");
	}

	@Test
	void refusesATokenForAnotherAudienceWithA401Problem() throws Exception {
		HttpResponse<String> answer = call("GET", "/api/v1/workflows/00000000-0000-0000-0000-000000000001",
				provider.forAnotherAudience("someone", "api://another-application", "operations"));

		assertThat(answer.statusCode()).isEqualTo(401);
		assertThat(answer.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
	}

	private void assertAllowed(String method, String path, String... roles) throws Exception {
		for (BiFunction<String, String[], String> shape : SHAPES) {
			HttpResponse<String> answer = call(method, path, shape.apply("someone", roles));
			assertThat(answer.statusCode())
				.as(method + " " + path + " as " + String.join(",", roles) + ": " + answer.body())
				.isNotIn(401, 403);
		}
	}

	private void assertForbidden(String method, String path, String... roles) throws Exception {
		for (BiFunction<String, String[], String> shape : SHAPES) {
			HttpResponse<String> answer = call(method, path, shape.apply("someone", roles));
			assertThat(answer.statusCode())
				.as(method + " " + path + " as " + String.join(",", roles) + ": " + answer.body())
				.isEqualTo(403);
			assertThat(answer.headers().firstValue("Content-Type"))
				.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		}
	}

	private HttpResponse<String> call(String method, String path, String token) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.timeout(Duration.ofSeconds(60))
			.header("Authorization", "Bearer " + token)
			.header("Content-Type", "application/json")
			.header("Idempotency-Key", java.util.UUID.randomUUID().toString())
			.method(method, HttpRequest.BodyPublishers.ofString(method.equals("GET") ? "" : "{}"))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

}
