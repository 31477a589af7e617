package dev.vestline.deploy;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;

import org.yaml.snakeyaml.Yaml;

/**
 * A kustomize directory rendered the way {@code kubectl apply -k} renders it, with the
 * kubectl on the PATH (or {@code $KUBECTL}); a standalone {@code kustomize} does as well.
 *
 * @param name the directory, relative to {@code deploy/k8s}
 * @param documents the rendered documents, as text and parsed
 */
record Overlay(String name, List<Document> documents) {

	static final List<String> ALL = List.of("base", "overlays/prod");

	/**
	 * @param text the document as kustomize wrote it
	 * @param tree the same, parsed
	 */
	record Document(String text, Map<String, Object> tree) {

		String kind() {
			return Tree.string(this.tree, "kind");
		}

		String apiVersion() {
			return Tree.string(this.tree, "apiVersion");
		}

		String name() {
			return Tree.string(this.tree, "metadata", "name");
		}

		@Override
		public String toString() {
			return kind() + " " + name();
		}

	}

	static Overlay render(String name) {
		Path directory = Repository.ROOT.resolve("deploy/k8s").resolve(name);
		List<String> command = new ArrayList<>(renderer());
		command.add(directory.toString());
		try {
			Process process = new ProcessBuilder(command).redirectErrorStream(false).start();
			byte[] out = process.getInputStream().readAllBytes();
			byte[] err = process.getErrorStream().readAllBytes();
			if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
				throw new IllegalStateException(String.join(" ", command) + " failed:\n" + new String(err));
			}
			return new Overlay(name, split(new String(out)));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** {@code kubectl kustomize}, or {@code kustomize build}: whichever is installed. */
	private static List<String> renderer() {
		Optional<Path> kubectl = Optional.ofNullable(System.getenv("KUBECTL"))
			.map(Path::of)
			.or(() -> onPath("kubectl"));
		if (kubectl.isPresent()) {
			return List.of(kubectl.get().toString(), "kustomize");
		}
		return onPath("kustomize").map((kustomize) -> List.of(kustomize.toString(), "build"))
			.orElseThrow(() -> new IllegalStateException(
					"Neither kubectl nor kustomize is on the PATH: the Kubernetes overlays cannot be rendered. "
							+ "Install kubectl (.ci/run does) or point $KUBECTL at one."));
	}

	private static Optional<Path> onPath(String executable) {
		return Arrays.stream(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
			.map((directory) -> Path.of(directory, executable))
			.filter(Files::isExecutable)
			.findFirst();
	}

	private static List<Document> split(String rendered) {
		List<Document> documents = new ArrayList<>();
		for (String text : rendered.split("(?m)^---$")) {
			Map<String, Object> tree = new Yaml().load(text);
			if (tree != null) {
				documents.add(new Document(text, tree));
			}
		}
		return documents;
	}

	Stream<Document> all(String kind) {
		return this.documents.stream().filter((document) -> kind.equals(document.kind()));
	}

	Document one(String kind, String name) {
		return all(kind).filter((document) -> name.equals(document.name()))
			.findFirst()
			.orElseThrow(() -> new AssertionError(this.name + " has no " + kind + " " + name));
	}

	List<Document> where(Predicate<Document> condition) {
		return this.documents.stream().filter(condition).toList();
	}

}
