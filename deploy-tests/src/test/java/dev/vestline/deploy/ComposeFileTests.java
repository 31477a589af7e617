package dev.vestline.deploy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The compose file stays valid and in step with what the services read (image tags,
 * ports, schemas, roles and passwords), runs the services, the console and the identity
 * provider as hardened as Kubernetes does, with no superuser, admin or demo password
 * written down, and signs people in to the console at the provider the services trust.
 */
class ComposeFileTests {

	static final Path DOCKER_COMPOSE = Path.of("/usr/bin/docker-compose");

	static final Map<String, String> PASSWORDS = Map.of("POSTGRES_PASSWORD", "Tq8#pL2vZx9mWc4r",
			"GRAFANA_ADMIN_PASSWORD", "Hn5$kR7yBd3sQf6t", "VESTLINE_DEMO_PASSWORD", "Wq3vN8kT2xL6pR9z",
			"VESTLINE_SCRIPTS_SECRET", "C4bF7hJ1mD5sG0aYx2Lq");

	static final String PROVIDER = "identity-provider";

	/**
	 * What compose runs from Vestline's own images: the services, the console, the
	 * provider.
	 */
	static final List<String> OWN_IMAGES = List.of("approval", "signature", "billing", "reconciliation",
			Repository.CONSOLE, PROVIDER);

	private static final Pattern CONSOLE_REDIRECT_URIS = Pattern
		.compile("@DefaultValue\\(\"([^\"]+)\"\\) List<String> consoleRedirectUris");

	@Test
	void isValidForDockerComposeWhenTheOperatorGivesThePasswords() throws Exception {
		Result config = dockerComposeConfig(PASSWORDS);
		assertThat(config.exitValue()).as(config.output()).isZero();
	}

	@Test
	void refusesToStartWithoutASuperuserOrGrafanaAdminPassword() throws Exception {
		Result withoutSuperuser = dockerComposeConfig(without("POSTGRES_PASSWORD"));
		assertThat(withoutSuperuser.exitValue()).isNotZero();
		assertThat(withoutSuperuser.output()).contains("POSTGRES_PASSWORD");
		Result withoutAdmin = dockerComposeConfig(without("GRAFANA_ADMIN_PASSWORD"));
		assertThat(withoutAdmin.exitValue()).isNotZero();
		assertThat(withoutAdmin.output()).contains("GRAFANA_ADMIN_PASSWORD");
	}

	@Test
	void refusesToStartWithoutTheDemoPasswordOrTheScriptsSecret() throws Exception {
		for (String secret : List.of("VESTLINE_DEMO_PASSWORD", "VESTLINE_SCRIPTS_SECRET")) {
			Result refused = dockerComposeConfig(without(secret));
			assertThat(refused.exitValue()).as(secret).isNotZero();
			assertThat(refused.output()).contains(secret);
		}
	}

	@Test
	void everyServiceTrustsTheIdentityProviderTheConsoleSignsInAt() {
		Map<String, Object> services = Tree.map(Repository.yaml("docker-compose.yml"), "services");
		String issuer = providerArgument(services, "spring.security.oauth2.authorizationserver.issuer");
		assertThat(issuer).as("the address a browser on the host opens")
			.isEqualTo("http://127.0.0.1:" + providerArgument(services, "server.port"));
		assertThat(Tree.list(services, PROVIDER, "ports")).contains(published(issuer));
		for (String service : Repository.SERVICES) {
			Map<String, Object> environment = Tree.map(services, service, "environment");
			assertThat(environment).as(service)
				.containsEntry("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUER_URI", issuer)
				// the keys from inside the network: 127.0.0.1 there is the service itself
				.containsEntry("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_JWK_SET_URI",
						"http://" + PROVIDER + ":" + providerArgument(services, "server.port") + "/oauth2/jwks")
				.containsEntry("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_AUDIENCES",
						providerArgument(services, "vestline.identity.audience"))
				.doesNotContainKey("VESTLINE_SECURITY_JWT_DEVSHAREDSECRET");
		}
		assertThat(Tree.string(services, Repository.CONSOLE, "environment",
				"SPRING_SECURITY_OAUTH2_CLIENT_PROVIDER_VESTLINE_ISSUER_URI"))
			.isEqualTo(issuer);
	}

	@Test
	void theConsoleIsSentBackToTheRedirectUriTheProviderRegistered() {
		Map<String, Object> services = Tree.map(Repository.yaml("docker-compose.yml"), "services");
		Map<String, Object> console = Tree.map(services, Repository.CONSOLE);
		// in the provider's network namespace, 127.0.0.1:9000 is the provider for the
		// console
		// as for the browser: one issuer for discovery, tokens and sign-out
		assertThat(Tree.string(console, "network_mode")).isEqualTo("service:" + PROVIDER);
		String port = Tree.string(console, "environment", "SERVER_PORT");
		assertThat(port).isEqualTo(String.valueOf(ServicePorts.of(Repository.CONSOLE)));
		assertThat(Tree.list(services, PROVIDER, "ports")).contains("127.0.0.1:" + port + ":" + port);
		// the console builds its redirect URI from the address the browser opened
		String redirectUri = "http://127.0.0.1:" + port + "/login/oauth2/code/vestline";
		Matcher registered = CONSOLE_REDIRECT_URIS
			.matcher(Repository.read("identity-provider/src/main/java/dev/vestline/identity/IdentityProperties.java"));
		assertThat(registered.find()).isTrue();
		assertThat(registered.group(1)).isEqualTo(redirectUri);
		assertThat(Tree.list(services, PROVIDER, "command"))
			.noneSatisfy((argument) -> assertThat(argument.toString()).contains("console-redirect-uris"));
	}

	@Test
	void theConsoleCallsEveryServiceInsideTheNetworkOnceTheyAreReady() {
		Map<String, Object> services = Tree.map(Repository.yaml("docker-compose.yml"), "services");
		Map<String, Object> environment = Tree.map(services, Repository.CONSOLE, "environment");
		for (String service : Repository.SERVICES) {
			assertThat(environment).containsEntry("VESTLINE_CONSOLE_SERVICES_" + service.toUpperCase(),
					"http://" + service + ":" + ServicePorts.of(service));
			assertThat(Tree.string(services, Repository.CONSOLE, "depends_on", service, "condition"))
				.isEqualTo("service_healthy");
		}
		assertThat(Tree.string(services, Repository.CONSOLE, "depends_on", PROVIDER, "condition"))
			.isEqualTo("service_healthy");
		assertThat(environment).containsEntry("SPRING_KAFKA_BOOTSTRAP_SERVERS", "kafka:9092");
	}

	private static String providerArgument(Map<String, Object> services, String name) {
		return Tree.list(services, PROVIDER, "command")
			.stream()
			.map(Object::toString)
			.filter((argument) -> argument.startsWith("--" + name + "="))
			.map((argument) -> argument.substring(name.length() + 3))
			.findFirst()
			.orElseThrow(() -> new AssertionError("The identity provider is given no " + name));
	}

	private static String published(String url) {
		String port = url.replaceAll(".*:(\\d+)$", "$1");
		return "127.0.0.1:" + port + ":" + port;
	}

	@Test
	void publishesOnlyWhatADeveloperOpensInABrowser() {
		Map<String, Object> services = Tree.map(Repository.yaml("docker-compose.yml"), "services");
		assertThat(services.keySet()
			.stream()
			.filter((name) -> services.get(name) instanceof Map<?, ?> definition && definition.containsKey("ports")))
			.containsExactlyInAnyOrder("approval", "signature", "billing", "reconciliation", "prometheus", "grafana",
					"mail", PROVIDER);
	}

	@Test
	void writesNoSuperuserOrAdminPassword() {
		Map<String, Object> services = Tree.map(Repository.yaml("docker-compose.yml"), "services");
		assertThat(Tree.string(services, "postgres", "environment", "POSTGRES_PASSWORD"))
			.startsWith("${POSTGRES_PASSWORD:?");
		assertThat(Tree.string(services, "grafana", "environment", "GF_SECURITY_ADMIN_PASSWORD"))
			.startsWith("${GRAFANA_ADMIN_PASSWORD:?");
	}

	@Test
	void runsEveryOwnImageUnprivilegedReadOnlyAndWithAMemoryLimit() {
		Map<String, Object> services = Tree.map(Repository.yaml("docker-compose.yml"), "services");
		for (String service : OWN_IMAGES) {
			Map<String, Object> definition = Tree.map(services, service);
			assertThat(Tree.string(definition, "user")).as(service).isEqualTo("10001:10001");
			assertThat(definition.get("read_only")).as(service).isEqualTo(true);
			assertThat(Tree.list(definition, "tmpfs")).as(service).containsExactly("/tmp");
			assertThat(Tree.list(definition, "cap_drop")).as(service).containsExactly("ALL");
			assertThat(Tree.list(definition, "security_opt")).as(service).contains("no-new-privileges:true");
			assertThat(Tree.string(definition, "mem_limit")).as(service).isEqualTo("1g");
		}
	}

	@Test
	void publishesPortsOnTheLoopbackOnly() {
		Map<String, Object> services = Tree.map(Repository.yaml("docker-compose.yml"), "services");
		services.forEach((name, definition) -> assertThat(Tree.list(definition, "ports")).as(name)
			.allSatisfy((port) -> assertThat(port.toString()).startsWith("127.0.0.1:")));
	}

	@Test
	void givesEachServiceItsImageSchemaRoleAndPort() {
		Map<String, Object> services = Tree.map(Repository.yaml("docker-compose.yml"), "services");
		String initSql = Repository.read("deploy/postgres/init.sql");
		for (String service : Repository.SERVICES) {
			Map<String, Object> environment = Tree.map(services, service, "environment");
			assertThat(Tree.string(services, service, "image"))
				.isEqualTo("vestline/" + service + "-service:0.1.0-SNAPSHOT");
			assertThat(environment.get("SPRING_DATASOURCE_URL"))
				.isEqualTo("jdbc:postgresql://postgres:5432/vestline?currentSchema=" + service);
			assertThat(environment.get("SPRING_DATASOURCE_USERNAME")).isEqualTo(service);
			assertThat(initSql)
				.contains("CREATE ROLE " + service + " LOGIN PASSWORD '" + environment.get("SPRING_DATASOURCE_PASSWORD")
						+ "';")
				.contains("CREATE SCHEMA " + service + " AUTHORIZATION " + service + ";");
			assertThat(environment.get("SERVER_PORT")).isEqualTo(String.valueOf(ServicePorts.of(service)));
			assertThat(environment.get("SPRING_KAFKA_BOOTSTRAP_SERVERS")).isEqualTo("kafka:9092");
		}
	}

	@Test
	void runsAMailServerWithItsWebMailboxAndPointsEveryMailingServiceAtIt() {
		Map<String, Object> services = Tree.map(Repository.yaml("docker-compose.yml"), "services");
		assertThat(Tree.string(services, "mail", "image")).isEqualTo("greenmail/standalone:2.1.13");
		assertThat(Tree.list(services, "mail", "ports")).as("its web page and REST API")
			.containsExactly("127.0.0.1:8025:8080");
		assertThat(Tree.string(services, "mail", "environment", "GREENMAIL_OPTS")).contains(
				"-Dgreenmail.setup.test.smtp", "-Dgreenmail.setup.test.imap", "-Dgreenmail.api.port=8080",
				"-Dgreenmail.hostname=0.0.0.0");
		for (String service : List.of("signature", "billing")) {
			assertThat(Repository.read(service + "-service/src/main/resources/application.yml"))
				.as("%s sends mail", service)
				.containsPattern("mail:\\s+#[^\\n]*\\n\\s+enabled: true");
			Map<String, Object> environment = Tree.map(services, service, "environment");
			assertThat(environment).as(service)
				.containsEntry("SPRING_MAIL_HOST", "mail")
				.containsEntry("SPRING_MAIL_PORT", "3025")
				.containsEntry("VESTLINE_MAIL_BOUNCES_HOST", "mail")
				.containsEntry("VESTLINE_MAIL_BOUNCES_PORT", "3143")
				.containsEntry("VESTLINE_MAIL_BOUNCES_SSL", "false")
				.containsEntry("VESTLINE_MAIL_BOUNCES_USER", "bounces-" + service + "@vestline.example.com");
			assertThat(Tree.map(services, service, "depends_on")).as(service).containsKeys("postgres", "kafka", "mail");
		}
		for (String service : List.of("approval", "reconciliation")) {
			assertThat(Tree.map(services, service, "environment")).as("%s sends no mail", service)
				.doesNotContainKey("SPRING_MAIL_HOST");
		}
	}

	@Test
	void scrapesEveryService() {
		String prometheus = Repository.read("deploy/prometheus/prometheus.yml");
		for (String service : Repository.SERVICES) {
			assertThat(prometheus).contains("\"" + service + ":" + ServicePorts.of(service) + "\"");
		}
	}

	private static Map<String, String> without(String name) {
		Map<String, String> environment = new HashMap<>(PASSWORDS);
		environment.remove(name);
		return environment;
	}

	private static Result dockerComposeConfig(Map<String, String> environment) throws Exception {
		assumeTrue(Files.isExecutable(DOCKER_COMPOSE),
				"docker-compose is not installed (.ci/run installs it from Debian's packages)");
		ProcessBuilder builder = new ProcessBuilder(DOCKER_COMPOSE.toString(), "-f", "docker-compose.yml", "config",
				"-q")
			.directory(Repository.ROOT.toFile())
			.redirectErrorStream(true);
		builder.environment().keySet().removeAll(PASSWORDS.keySet());
		builder.environment().putAll(environment);
		Process process = builder.start();
		String output = new String(process.getInputStream().readAllBytes());
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
		return new Result(process.exitValue(), output);
	}

	private record Result(int exitValue, String output) {
	}

}
