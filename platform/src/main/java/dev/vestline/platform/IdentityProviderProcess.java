package dev.vestline.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The platform's OpenID Connect provider (the {@code identity-provider} module's
 * executable jar) as a process of its own on 127.0.0.1, with passwords and client secrets
 * made up for this run: the demo's people sign in with the browser (authorization code +
 * PKCE), scripts use {@value #SCRIPTS_CLIENT}, and the platform itself gets any person's
 * token from {@value #PLATFORM_CLIENT}, a client allowed to name subject and roles
 * (development only). The services trust it through its issuer URI.
 */
final class IdentityProviderProcess implements AutoCloseable {

	static final String SCRIPTS_CLIENT = "vestline-scripts";

	static final String PLATFORM_CLIENT = "vestline-platform";

	/** The demo's people and their roles (as each service's security rules name them). */
	static final Map<String, String> PEOPLE = Map.of("anna", "approver", "carla", "compliance", "oscar", "operations",
			"bianca", "billing", "ingrid", "investor");

	/** The audience of every token, what the services require. */
	static final String AUDIENCE = "vestline";

	private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private static final JsonMapper json = JsonMapper.builder().build();

	private final int port;

	private final Path jar;

	private final Path log;

	private final String console;

	private final String password = secret();

	private final String scriptsSecret = secret();

	private final String platformSecret = secret();

	private final Map<String, Issued> cache = new ConcurrentHashMap<>();

	private @Nullable Process process;

	/**
	 * @param console the staff console's address, where the provider sends a person back
	 * after signing in and out
	 */
	IdentityProviderProcess(int port, Path repository, Path logs, String console) {
		this.port = port;
		this.console = console;
		this.jar = ChildProcesses.jar(repository, "identity-provider", "identity-provider-.*-exec\\.jar");
		this.log = logs.resolve("identity-provider.log");
	}

	/**
	 * @return the issuer URI the services and tokens name
	 */
	String issuer() {
		return "http://127.0.0.1:" + this.port;
	}

	/**
	 * @return the Spring properties that make a service trust this provider
	 */
	Map<String, String> serviceProperties() {
		return Map.of("spring.security.oauth2.resourceserver.jwt.issuer-uri", issuer(),
				"spring.security.oauth2.resourceserver.jwt.audiences", AUDIENCE);
	}

	/**
	 * @return the demo people's password for this run (printed for the developer)
	 */
	String password() {
		return this.password;
	}

	/**
	 * @return the scripts client's secret for this run
	 */
	String scriptsSecret() {
		return this.scriptsSecret;
	}

	/** Starts the provider and waits until it publishes its configuration. */
	void start() {
		List<String> arguments = new ArrayList<>();
		arguments().forEach((name, value) -> arguments.add("--" + name + "=" + value));
		this.process = ChildProcesses.start(ChildProcesses.springBootApplication("256m", this.jar, arguments, Map.of()),
				this.log, "the identity provider");
		URI configuration = URI.create(issuer() + "/.well-known/openid-configuration");
		ChildProcesses.awaitAnswering("the identity provider", () -> this.process, this.log, Duration.ofMinutes(5),
				() -> ChildProcesses.answersOk(configuration));
	}

	/**
	 * A token the provider issued by the client-credentials grant, for any person: cached
	 * until five minutes before it expires.
	 * @param subject the person
	 * @param roles their roles
	 * @return the access token
	 */
	String token(String subject, String... roles) {
		String key = subject + "|" + String.join(",", roles);
		Issued issued = this.cache.compute(key, (k, known) -> (known != null && known.freshFor(Duration.ofMinutes(5)))
				? known : request(subject, roles));
		return issued.token();
	}

	private Issued request(String subject, String... roles) {
		String form = "grant_type=client_credentials&subject=" + URLEncoder.encode(subject, StandardCharsets.UTF_8)
				+ "&roles=" + URLEncoder.encode(String.join(",", roles), StandardCharsets.UTF_8);
		String credentials = Base64.getEncoder()
			.encodeToString((PLATFORM_CLIENT + ":" + this.platformSecret).getBytes(StandardCharsets.UTF_8));
		try {
			HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(issuer() + "/oauth2/token"))
				.timeout(Duration.ofSeconds(60))
				.header("Authorization", "Basic " + credentials)
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(form))
				.build(), HttpResponse.BodyHandlers.ofString());
			if (answer.statusCode() != 200) {
				throw new IllegalStateException(
						"The identity provider answered " + answer.statusCode() + ": " + answer.body());
			}
			JsonNode body = json.readTree(answer.body());
			return new Issued(body.path("access_token").asString(),
					Instant.now().plusSeconds(body.path("expires_in").asLong()));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not reach the identity provider", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private Map<String, String> arguments() {
		Map<String, String> arguments = new LinkedHashMap<>();
		arguments.put("server.address", "127.0.0.1");
		arguments.put("server.port", String.valueOf(this.port));
		arguments.put("spring.security.oauth2.authorizationserver.issuer", issuer());
		arguments.put("vestline.identity.audience", AUDIENCE);
		arguments.put("vestline.identity.console-redirect-uris", this.console + "/login/oauth2/code/vestline");
		arguments.put("vestline.identity.console-post-logout-redirect-uris", this.console + "/signed-out");
		arguments.put("vestline.identity.clients." + SCRIPTS_CLIENT + ".secret", this.scriptsSecret);
		arguments.put("vestline.identity.clients." + SCRIPTS_CLIENT + ".roles", "operations");
		arguments.put("vestline.identity.clients." + PLATFORM_CLIENT + ".secret", this.platformSecret);
		arguments.put("vestline.identity.clients." + PLATFORM_CLIENT + ".impersonation", "true");
		PEOPLE.forEach((name, role) -> {
			arguments.put("vestline.identity.people." + name + ".password", this.password);
			arguments.put("vestline.identity.people." + name + ".roles", role);
		});
		return arguments;
	}

	@Override
	public void close() {
		ChildProcesses.stop(this.process, Duration.ofSeconds(30));
		this.process = null;
	}

	private static String secret() {
		byte[] bytes = new byte[24];
		new SecureRandom().nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	/** A token and when it expires. */
	private record Issued(String token, Instant expiresAt) {

		boolean freshFor(Duration margin) {
			return Instant.now().plus(margin).isBefore(this.expiresAt);
		}

	}

}
