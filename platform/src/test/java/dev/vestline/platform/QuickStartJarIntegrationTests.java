package dev.vestline.platform;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.vestline.testharness.FreePorts;
import dev.vestline.testharness.launch.QuickStartJar;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The platform starts every Spring Boot jar extracted and with the JVM's AOT cache, which
 * one training run makes. Proven on the identity provider's jar (it needs neither
 * database nor broker), copied to a directory of the test's own so that the platform's
 * cache in {@code target/} neither helps nor suffers.
 */
class QuickStartJarIntegrationTests {

	private static final List<String> JVM_OPTIONS = List.of("-Xmx256m", "-XX:TieredStopAtLevel=1");

	@TempDir
	Path directory;

	@Test
	void theFirstStartTrainsOnceEvenWhenFourAskAtOnceAndTheProcessRunsOnTheCache() throws Exception {
		QuickStartJar jar = QuickStartJar.of(copyOfTheProvidersJar());
		int port = FreePorts.pick();
		List<String> arguments = arguments(port);

		List<List<String>> commands = new ArrayList<>();
		CyclicBarrier together = new CyclicBarrier(4);
		try (ExecutorService callers = Executors.newFixedThreadPool(4)) {
			List<Future<List<String>>> asked = new ArrayList<>();
			for (int i = 0; i < 4; i++) {
				asked.add(callers.submit(() -> {
					together.await();
					return jar.command(JVM_OPTIONS, arguments, Map.of());
				}));
			}
			for (Future<List<String>> command : asked) {
				commands.add(command.get());
			}
		}

		assertThat(commands).allSatisfy((command) -> assertThat(command).contains("-XX:AOTCache=" + jar.cache()));
		assertThat(jar.cache()).isNotEmptyFile();
		assertThat(jar.trainingLog()).content().contains("AOTCache creation is complete");
		assertThat(jar.cache().resolveSibling("training-attempts")).hasContent("1");

		// AOTMode=on: the JVM refuses to start unless it can use the cache
		List<String> strict = new ArrayList<>(commands.getFirst());
		strict.add(1, "-XX:AOTMode=on");
		Path log = this.directory.resolve("provider.log");
		Process provider = new ProcessBuilder(strict).redirectErrorStream(true).redirectOutput(log.toFile()).start();
		try {
			ChildProcesses.awaitAnswering("the provider on its AOT cache", () -> provider, log, Duration.ofMinutes(3),
					() -> ChildProcesses
						.answersOk(URI.create("http://127.0.0.1:" + port + "/.well-known/openid-configuration")));
		}
		finally {
			ChildProcesses.stop(provider, Duration.ofSeconds(30));
		}
		assertThat(log).content().doesNotContain("[aot]");
	}

	@Test
	void aJarRebuiltWithTheSameContentKeepsItsCacheAndAChangedOneIsTrainedAgain() throws Exception {
		Path copy = copyOfTheProvidersJar();
		QuickStartJar jar = QuickStartJar.of(copy);
		List<String> arguments = arguments(FreePorts.pick());
		jar.command(JVM_OPTIONS, arguments, Map.of());
		FileTime trained = Files.getLastModifiedTime(jar.cache());

		Files.setLastModifiedTime(copy, FileTime.from(Instant.now().plusSeconds(60)));
		assertThat(jar.command(JVM_OPTIONS, arguments, Map.of())).contains("-XX:AOTCache=" + jar.cache());
		assertThat(Files.getLastModifiedTime(jar.cache())).isEqualTo(trained);

		Path changed = this.directory.resolve("CHANGED.txt");
		Files.writeString(changed, "another build");
		Process zip = new ProcessBuilder("zip", "-0", "-j", copy.toString(), changed.toString()).inheritIO().start();
		assertThat(zip.waitFor()).isZero();
		assertThat(jar.command(JVM_OPTIONS, arguments, Map.of())).contains("-XX:AOTCache=" + jar.cache());
		assertThat(Files.getLastModifiedTime(jar.cache())).isNotEqualTo(trained);
		assertThat(jar.cache().resolveSibling("application").resolve(copy.getFileName())).exists();
	}

	private Path copyOfTheProvidersJar() throws IOException {
		Path jar = ChildProcesses.jar(Path.of("..").toAbsolutePath().normalize(), "identity-provider",
				"identity-provider-.*-exec\\.jar");
		Path copy = this.directory.resolve(jar.getFileName());
		Files.copy(jar, copy);
		return copy;
	}

	private static List<String> arguments(int port) {
		return List.of("--server.address=127.0.0.1", "--server.port=" + port,
				"--spring.security.oauth2.authorizationserver.issuer=http://127.0.0.1:" + port);
	}

}
