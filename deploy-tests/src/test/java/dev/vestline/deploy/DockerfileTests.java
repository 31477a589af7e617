package dev.vestline.deploy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The image every service runs in: a pinned base, an unprivileged user, a heap sized to
 * the container with room for the rest of the JVM.
 */
class DockerfileTests {

	static final List<String> LINES = Repository.read("deploy/Dockerfile").lines().toList();

	@Test
	void buildsOnAPinnedBaseImage() {
		assertThat(LINES).filteredOn((line) -> line.startsWith("FROM "))
			.singleElement()
			.satisfies((from) -> assertThat(from).matches("FROM [\\w./-]+:[\\w.-]+").doesNotEndWith(":latest"));
	}

	@Test
	void runsAsANumericUnprivilegedUser() {
		assertThat(LINES).filteredOn((line) -> line.startsWith("USER "))
			.singleElement()
			.satisfies((user) -> assertThat(user).matches("USER [1-9][0-9]{3,}:[1-9][0-9]{3,}"));
	}

	@Test
	void sizesTheHeapToTheContainerWithHeadroom() {
		String options = LINES.stream()
			.filter((line) -> line.startsWith("ENV JAVA_TOOL_OPTIONS="))
			.findFirst()
			.orElseThrow();
		assertThat(JvmOptions.maxRamPercentage(options)).isBetween(50, 65);
		assertThat(options).contains("-XX:MaxMetaspaceSize=", "-XX:+ExitOnOutOfMemoryError", "-Djava.io.tmpdir=/tmp");
	}

	@Test
	void composeBuildsEveryOwnImageFromAJarTheBuildMakes() {
		String defaultJar = LINES.stream()
			.filter((line) -> line.startsWith("ARG JAR="))
			.findFirst()
			.orElseThrow()
			.substring("ARG JAR=".length());
		assertThat(LINES).contains("COPY ${JAR} /app/service.jar");
		Map<String, Object> services = Tree.map(Repository.yaml("docker-compose.yml"), "services");
		for (String name : ComposeFileTests.OWN_IMAGES) {
			Map<String, Object> arguments = Tree.map(services, name, "build", "args");
			String jar = arguments.containsKey("JAR") ? String.valueOf(arguments.get("JAR"))
					: defaultJar.replace("${SERVICE}", String.valueOf(arguments.get("SERVICE")));
			String module = jar.substring(0, jar.indexOf('/'));
			assertThat(Repository.read(module + "/pom.xml")).as(name)
				.contains("<artifactId>" + module + "</artifactId>");
			assertThat(jar).as(name).matches(module + "/target/" + module + "-0\\.1\\.0-SNAPSHOT(-exec)?\\.jar");
		}
	}

}
