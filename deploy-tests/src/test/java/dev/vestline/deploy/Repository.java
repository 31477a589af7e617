package dev.vestline.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.yaml.snakeyaml.Yaml;

/**
 * The files of the repository these tests check, and the CRD schemas beside it
 * ({@code ../shared/k8s-schemas}, where CI clones them next to the repository).
 */
final class Repository {

	static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

	static final Path CRD_SCHEMAS = ROOT.resolve("../shared/k8s-schemas").normalize();

	static final List<String> SERVICES = List.of("approval", "signature", "billing", "reconciliation");

	/**
	 * The staff console: a workload like the services, without a database or an outbox.
	 */
	static final String CONSOLE = "console";

	/** Everything Vestline runs as a Deployment: the services and the console. */
	static final List<String> WORKLOADS = List.of("approval", "signature", "billing", "reconciliation", CONSOLE);

	private Repository() {
	}

	static String read(String path) {
		try {
			return Files.readString(ROOT.resolve(path));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static Map<String, Object> yaml(String path) {
		return new Yaml().load(read(path));
	}

	/**
	 * A workload's application.yml ({@code profile} null) or application-{profile}.yml.
	 */
	static Map<String, Object> applicationYaml(String workload, String profile) {
		return yaml(resource(workload, applicationFile(profile)));
	}

	static String applicationFile(String profile) {
		return (profile != null) ? "application-" + profile + ".yml" : "application.yml";
	}

	/** A file of a workload's {@code src/main/resources}, relative to the repository. */
	static String resource(String workload, String name) {
		return module(workload) + "/src/main/resources/" + name;
	}

	/** The Maven module a workload is built from. */
	static String module(String workload) {
		return CONSOLE.equals(workload) ? CONSOLE : workload + "-service";
	}

}
