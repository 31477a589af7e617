package dev.vestline.console.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.vestline.testharness.KafkaBroker;
import dev.vestline.testharness.PostgresCluster;
import dev.vestline.testharness.ServiceDatabase;

/**
 * What the console talks to in its tests, once per JVM: the identity provider and a real
 * approval-service (its own jar, as a process; on the harness's real PostgreSQL and a
 * real Kafka broker in this JVM), with the test people. The console's own port is chosen
 * here because the provider must know its redirect URI before the console starts.
 */
public final class Backends {

	/** Everyone's password in the tests' provider. */
	public static final String PASSWORD = "console-test-password-0123456789";

	/**
	 * The test people and their roles: two of compliance, so two can race for one step.
	 */
	public static final Map<String, String> PEOPLE = Map.of("carla", "compliance", "cleo", "compliance", "oscar",
			"operations", "bianca", "billing", "ingrid", "investor");

	static final String ARRANGER = "console-tests";

	static final String ARRANGER_SECRET = "console-tests-secret-0123456789";

	private static Backends shared;

	private final int consolePort = freePort();

	private final int identityPort = freePort();

	private final int approvalPort = freePort();

	private final KafkaBroker kafka;

	private final JarProcess identity;

	private final JarProcess approval;

	private Backends() {
		PostgresCluster postgres = PostgresCluster.shared();
		ServiceDatabase database = postgres.provision(postgres.createDatabase(), "approval");
		this.kafka = KafkaBroker.start();
		this.identity = new JarProcess("identity-provider",
				JarProcess.jarOf("identity-provider", "identity-provider-.*-exec\\.jar"));
		this.identity.start(identityProperties(), URI.create(issuer() + "/.well-known/openid-configuration"));
		this.approval = new JarProcess("approval-service",
				JarProcess.jarOf("approval-service", "approval-service-[^-]*(-SNAPSHOT)?\\.jar"));
		Map<String, String> approvalProperties = new LinkedHashMap<>();
		approvalProperties.put("server.port", String.valueOf(this.approvalPort));
		approvalProperties.put("server.address", "127.0.0.1");
		approvalProperties.put("spring.datasource.url", database.jdbcUrl());
		approvalProperties.put("spring.datasource.username", database.username());
		approvalProperties.put("spring.datasource.password", database.password());
		approvalProperties.put("spring.kafka.bootstrap-servers", this.kafka.bootstrapServers());
		approvalProperties.put("spring.security.oauth2.resourceserver.jwt.issuer-uri", issuer());
		approvalProperties.put("spring.security.oauth2.resourceserver.jwt.audiences", "vestline");
		this.approval.start(approvalProperties, URI.create(approvalUrl() + "/actuator/health/readiness"));
		Runtime.getRuntime().addShutdownHook(new Thread(this::close));
	}

	/**
	 * @return the backends of this JVM, started on first use
	 */
	public static synchronized Backends shared() {
		if (shared == null) {
			shared = new Backends();
		}
		return shared;
	}

	public String issuer() {
		return "http://127.0.0.1:" + this.identityPort;
	}

	public String approvalUrl() {
		return "http://127.0.0.1:" + this.approvalPort;
	}

	public int consolePort() {
		return this.consolePort;
	}

	/** The console as a browser reaches it: the same host as the redirect URI. */
	public String consoleUrl() {
		return "http://127.0.0.1:" + this.consolePort;
	}

	/**
	 * @return the console's properties: its port, the provider and the service
	 */
	public Map<String, Object> consoleProperties() {
		return Map.of("server.port", this.consolePort, "spring.security.oauth2.client.provider.vestline.issuer-uri",
				issuer(), "vestline.console.services.approval", approvalUrl());
	}

	/**
	 * @return arranges deals and approvals through the API, with tokens the provider
	 * issues for any person
	 */
	public Arrange arrange() {
		return new Arrange(issuer(), approvalUrl(), ARRANGER, ARRANGER_SECRET);
	}

	private Map<String, String> identityProperties() {
		Map<String, String> properties = new LinkedHashMap<>();
		properties.put("server.address", "127.0.0.1");
		properties.put("server.port", String.valueOf(this.identityPort));
		properties.put("spring.security.oauth2.authorizationserver.issuer", issuer());
		properties.put("vestline.identity.console-redirect-uris", consoleUrl() + "/login/oauth2/code/vestline");
		properties.put("vestline.identity.console-post-logout-redirect-uris", consoleUrl() + "/signed-out");
		properties.put("vestline.identity.clients." + ARRANGER + ".secret", ARRANGER_SECRET);
		properties.put("vestline.identity.clients." + ARRANGER + ".impersonation", "true");
		PEOPLE.forEach((name, role) -> {
			properties.put("vestline.identity.people." + name + ".password", PASSWORD);
			properties.put("vestline.identity.people." + name + ".roles", role);
		});
		return properties;
	}

	private void close() {
		this.approval.close();
		this.identity.close();
		this.kafka.close();
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
