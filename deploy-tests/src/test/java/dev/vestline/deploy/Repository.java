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
	 * A service's application.yml ({@code profile} null) or application-{profile}.yml.
	 */
	static Map<String, Object> applicationYaml(String service, String profile) {
		String name = (profile != null) ? "application-" + profile + ".yml" : "application.yml";
		return yaml(service + "-service/src/main/resources/" + name);
	}

}
