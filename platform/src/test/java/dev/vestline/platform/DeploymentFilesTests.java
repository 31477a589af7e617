package dev.vestline.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The compose file stays valid and in step with what the services read: image tags,
 * ports, schemas, roles and passwords.
 */
class DeploymentFilesTests {

	static final Path REPOSITORY = Path.of("..").toAbsolutePath().normalize();

	static final List<String> SERVICES = List.of("approval", "signature", "billing", "reconciliation");

	@Test
	void isValidForDockerCompose() throws Exception {
		assumeTrue(Files.isExecutable(Path.of("/usr/bin/docker-compose")),
				"docker-compose is not installed (.ci/run installs it from Debian's packages)");
		Process validate = new ProcessBuilder("/usr/bin/docker-compose", "-f", "docker-compose.yml", "config", "-q")
			.directory(REPOSITORY.toFile())
			.redirectErrorStream(true)
			.start();
		assertThat(validate.waitFor(60, TimeUnit.SECONDS)).isTrue();
		String output = new String(validate.getInputStream().readAllBytes());
		assertThat(validate.exitValue()).as(output).isZero();
	}

	@Test
	void givesEachServiceItsImageSchemaRoleAndPort() throws IOException {
		Map<String, Object> services = map(compose().get("services"));
		String initSql = Files.readString(REPOSITORY.resolve("deploy/postgres/init.sql"));
		for (String service : SERVICES) {
			Map<String, Object> definition = map(services.get(service));
			Map<String, Object> environment = map(definition.get("environment"));
			assertThat(definition.get("image")).isEqualTo("vestline/" + service + "-service:0.1.0-SNAPSHOT");
			assertThat(environment.get("SPRING_DATASOURCE_URL"))
				.isEqualTo("jdbc:postgresql://postgres:5432/vestline?currentSchema=" + service);
			assertThat(environment.get("SPRING_DATASOURCE_USERNAME")).isEqualTo(service);
			assertThat(initSql)
				.contains("CREATE ROLE " + service + " LOGIN PASSWORD '" + environment.get("SPRING_DATASOURCE_PASSWORD")
						+ "';")
				.contains("CREATE SCHEMA " + service + " AUTHORIZATION " + service + ";");
			assertThat(environment.get("SERVER_PORT")).isEqualTo(String.valueOf(applicationPort(service)));
			assertThat(environment.get("SPRING_KAFKA_BOOTSTRAP_SERVERS")).isEqualTo("kafka:9092");
		}
	}

	@Test
	void scrapesEveryService() throws IOException {
		String prometheus = Files.readString(REPOSITORY.resolve("deploy/prometheus/prometheus.yml"));
		for (String service : SERVICES) {
			assertThat(prometheus).contains("\"" + service + ":" + applicationPort(service) + "\"");
		}
	}

	@Test
	void runsEachServiceOnKubernetesWithItsImagePortAndProbes() throws IOException {
		String kustomization = Files.readString(REPOSITORY.resolve("deploy/k8s/kustomization.yaml"));
		for (String service : SERVICES) {
			assertThat(kustomization).contains("- " + service + ".yaml");
			List<Object> documents = new java.util.ArrayList<>();
			new Yaml().loadAll(Files.readString(REPOSITORY.resolve("deploy/k8s/" + service + ".yaml")))
				.forEach(documents::add);
			Map<String, Object> deployment = map(documents.get(0));
			assertThat(deployment.get("kind")).isEqualTo("Deployment");
			Map<String, Object> container = map(
					((List<?>) map(map(map(map(deployment.get("spec")).get("template")).get("spec"))).get("containers"))
						.get(0));
			assertThat(container.get("image")).isEqualTo("vestline/" + service + "-service:0.1.0-SNAPSHOT");
			assertThat(map(((List<?>) container.get("ports")).get(0)).get("containerPort"))
				.isEqualTo(applicationPort(service));
			assertThat(map(map(container.get("readinessProbe")).get("httpGet")).get("path"))
				.isEqualTo("/actuator/health/readiness");
			assertThat(map(map(container.get("livenessProbe")).get("httpGet")).get("path"))
				.isEqualTo("/actuator/health/liveness");
		}
	}

	private static int applicationPort(String service) throws IOException {
		Map<String, Object> application = new Yaml()
			.load(Files.readString(REPOSITORY.resolve(service + "-service/src/main/resources/application.yml")));
		return (Integer) map(application.get("server")).get("port");
	}

	private static Map<String, Object> compose() throws IOException {
		return new Yaml().load(Files.readString(REPOSITORY.resolve("docker-compose.yml")));
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> map(Object value) {
		return (Map<String, Object>) value;
	}

}
