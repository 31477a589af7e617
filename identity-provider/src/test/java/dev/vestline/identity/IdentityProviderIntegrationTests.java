package dev.vestline.identity;

import java.io.IOException;
import java.net.CookieManager;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The provider over real HTTP: a script's client-credentials token, a person's
 * authorization-code-with-PKCE token (signing in through the login form as a browser
 * would), roles at the configured claim path, and key rotation that keeps old keys
 * published.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT,
		properties = { "vestline.identity.roles-claim=realm_access.roles",
				"vestline.identity.people.carla.password=carla-pw-0123456789",
				"vestline.identity.people.carla.roles=compliance",
				"vestline.identity.clients.reporting.secret=reporting-secret-0123456789",
				"vestline.identity.clients.reporting.roles=operations",
				"vestline.identity.clients.platform.secret=platform-secret-0123456789",
				"vestline.identity.clients.platform.impersonation=true",
				"vestline.identity.console-redirect-uris=http://127.0.0.1:8090/callback" })
class IdentityProviderIntegrationTests {

	private static final int PORT = freePort();

	private static final String BASE = "http://127.0.0.1:" + PORT;

	private static final JsonMapper json = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newBuilder()
		.cookieHandler(new CookieManager())
		.followRedirects(HttpClient.Redirect.NEVER)
		.build();

	@Autowired
	SigningKeys keys;

	@Autowired
	UserDetailsService people;

	@Autowired
	RegisteredClientRepository clients;

	@DynamicPropertySource
	static void port(DynamicPropertyRegistry registry) {
		registry.add("server.port", () -> PORT);
	}

	@Test
	void issuesScriptTokensWithTheClientsRolesAndTheServicesAudience() throws Exception {
		SignedJWT token = SignedJWT.parse(clientCredentials("reporting", "reporting-secret-0123456789", Map.of()));

		assertThat(token.getHeader().getAlgorithm().getName()).isEqualTo("RS256");
		assertThat(token.getJWTClaimsSet().getIssuer()).isEqualTo(BASE);
		assertThat(token.getJWTClaimsSet().getSubject()).isEqualTo("reporting");
		assertThat(token.getJWTClaimsSet().getAudience()).containsExactly("vestline");
		assertThat(token.getJWTClaimsSet().getJSONObjectClaim("realm_access")).containsEntry("roles",
				List.of("operations"));
	}

	@Test
	void letsOnlyAnImpersonatingClientNameSubjectAndRoles() throws Exception {
		Map<String, String> asOscar = Map.of("subject", "oscar", "roles", "operations,billing");
		SignedJWT impersonated = SignedJWT.parse(clientCredentials("platform", "platform-secret-0123456789", asOscar));
		SignedJWT ignored = SignedJWT.parse(clientCredentials("reporting", "reporting-secret-0123456789", asOscar));

		assertThat(impersonated.getJWTClaimsSet().getSubject()).isEqualTo("oscar");
		assertThat(impersonated.getJWTClaimsSet().getJSONObjectClaim("realm_access")).containsEntry("roles",
				List.of("operations", "billing"));
		assertThat(ignored.getJWTClaimsSet().getSubject()).isEqualTo("reporting");
		assertThat(ignored.getJWTClaimsSet().getJSONObjectClaim("realm_access")).containsEntry("roles",
				List.of("operations"));
	}

	@Test
	void signsInAPersonWithAuthorizationCodeAndPkce() throws Exception {
		String verifier = "verifier-" + "x".repeat(50);
		String challenge = Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString(sha256(verifier.getBytes(StandardCharsets.US_ASCII)));
		String authorize = BASE + "/oauth2/authorize?"
				+ form(Map.of("response_type", "code", "client_id", "vestline-console", "redirect_uri",
						"http://127.0.0.1:8090/callback", "scope", "openid", "state", "s1", "code_challenge", challenge,
						"code_challenge_method", "S256"));
		assertThat(get(authorize).headers().firstValue("Location"))
			.hasValueSatisfying((location) -> assertThat(location).endsWith("/login"));
		Matcher csrf = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(get(BASE + "/login").body());
		assertThat(csrf.find()).as("the login form's CSRF token").isTrue();
		HttpResponse<String> signedIn = post(BASE + "/login",
				Map.of("username", "carla", "password", "carla-pw-0123456789", "_csrf", csrf.group(1)), null);
		String back = signedIn.headers().firstValue("Location").orElseThrow();
		String redirect = get(back.startsWith("http") ? back : BASE + back).headers()
			.firstValue("Location")
			.orElseThrow();
		assertThat(redirect).startsWith("http://127.0.0.1:8090/callback?code=").contains("state=s1");
		String code = URI.create(redirect).getQuery().replaceAll(".*code=([^&]+).*", "$1");

		HttpResponse<String> tokens = post(BASE + "/oauth2/token",
				Map.of("grant_type", "authorization_code", "code", code, "redirect_uri",
						"http://127.0.0.1:8090/callback", "client_id", "vestline-console", "code_verifier", verifier),
				null);

		assertThat(tokens.statusCode()).as(tokens.body()).isEqualTo(200);
		SignedJWT access = SignedJWT.parse(json.readTree(tokens.body()).path("access_token").asString());
		assertThat(access.getJWTClaimsSet().getSubject()).isEqualTo("carla");
		assertThat(access.getJWTClaimsSet().getAudience()).containsExactly("vestline");
		assertThat(access.getJWTClaimsSet().getJSONObjectClaim("realm_access")).containsEntry("roles",
				List.of("compliance"));
		SignedJWT id = SignedJWT.parse(json.readTree(tokens.body()).path("id_token").asString());
		assertThat(id.getJWTClaimsSet().getJSONObjectClaim("realm_access")).as("the console's navigation reads them")
			.containsEntry("roles", List.of("compliance"));
	}

	@Test
	void checksPasswordsAndSecretsAgainstBcryptHashesOfTheLowestFactorAndKeepsThem() throws Exception {
		Matcher csrf = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(get(BASE + "/login").body());
		assertThat(csrf.find()).as("the login form's CSRF token").isTrue();
		HttpResponse<String> wrong = post(BASE + "/login",
				Map.of("username", "carla", "password", "not-carlas", "_csrf", csrf.group(1)), null);
		assertThat(wrong.headers().firstValue("Location"))
			.hasValueSatisfying((to) -> assertThat(to).endsWith("?error"));
		HttpResponse<String> signedIn = post(BASE + "/login",
				Map.of("username", "carla", "password", "carla-pw-0123456789", "_csrf", csrf.group(1)), null);
		assertThat(signedIn.headers().firstValue("Location"))
			.hasValueSatisfying((to) -> assertThat(to).doesNotEndWith("?error"));
		clientCredentials("reporting", "reporting-secret-0123456789", Map.of());

		// after both were checked: not re-hashed ("upgraded") to the default factor, 10
		assertThat(this.people.loadUserByUsername("carla").getPassword()).startsWith("{bcrypt}$2a$04$");
		assertThat(this.clients.findByClientId("reporting").getClientSecret()).startsWith("{bcrypt}$2a$04$");
	}

	@Test
	void refusesTheBrowserClientWithoutPkce() throws Exception {
		String authorize = BASE + "/oauth2/authorize?" + form(Map.of("response_type", "code", "client_id",
				"vestline-console", "redirect_uri", "http://127.0.0.1:8090/callback", "scope", "openid"));

		HttpResponse<String> answer = get(authorize);

		assertThat(answer.statusCode()).isEqualTo(302);
		assertThat(answer.headers().firstValue("Location")).hasValueSatisfying(
				(location) -> assertThat(location).contains("error=invalid_request").contains("code_challenge"));
	}

	@Test
	void signsWithTheNewKeyAfterARotationAndKeepsTheOldOnePublished() throws Exception {
		String before = SignedJWT.parse(clientCredentials("reporting", "reporting-secret-0123456789", Map.of()))
			.getHeader()
			.getKeyID();

		String rotated = this.keys.rotate();
		String after = SignedJWT.parse(clientCredentials("reporting", "reporting-secret-0123456789", Map.of()))
			.getHeader()
			.getKeyID();

		assertThat(after).isEqualTo(rotated).isNotEqualTo(before);
		JWKSet published = JWKSet.parse(get(BASE + "/oauth2/jwks").body());
		assertThat(published.getKeyByKeyId(before)).isNotNull();
		assertThat(published.getKeyByKeyId(after)).isNotNull();
		assertThat(published.getKeys()).allSatisfy((key) -> assertThat(key.isPrivate()).isFalse());
	}

	@Test
	void publishesItsOpenIdConfigurationOnTheLoopbackAddress() throws Exception {
		JsonNode configuration = json.readTree(get(BASE + "/.well-known/openid-configuration").body());

		assertThat(configuration.path("issuer").asString()).isEqualTo(BASE);
		assertThat(configuration.path("jwks_uri").asString()).isEqualTo(BASE + "/oauth2/jwks");
	}

	private String clientCredentials(String client, String secret, Map<String, String> extra) throws Exception {
		Map<String, String> parameters = new java.util.LinkedHashMap<>(extra);
		parameters.put("grant_type", "client_credentials");
		HttpResponse<String> answer = post(BASE + "/oauth2/token", parameters, "Basic "
				+ Base64.getEncoder().encodeToString((client + ":" + secret).getBytes(StandardCharsets.UTF_8)));
		assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
		return json.readTree(answer.body()).path("access_token").asString();
	}

	private HttpResponse<String> get(String url) throws IOException, InterruptedException {
		return this.http.send(HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/html").build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> post(String url, Map<String, String> parameters, String authorization)
			throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form(parameters)));
		if (authorization != null) {
			request.header("Authorization", authorization);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static String form(Map<String, String> parameters) {
		return parameters.entrySet()
			.stream()
			.map((entry) -> entry.getKey() + "=" + URLEncoder.encode(entry.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
	}

	private static byte[] sha256(byte[] bytes) throws NoSuchAlgorithmException {
		return MessageDigest.getInstance("SHA-256").digest(bytes);
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
