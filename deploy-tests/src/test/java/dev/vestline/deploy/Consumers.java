package dev.vestline.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What each service consumes, twice: as the architecture's catalogue says
 * (/work/shared/design/ARCHITECTURE.md, "consumed by"), and as its
 * {@code @KafkaListener}s say in the code. The tests check that the two agree, and derive
 * the topics, groups and ACLs from them.
 */
final class Consumers {

	/** The catalogue: the topics each service consumes, its group named after it. */
	static final Map<String, Set<String>> CATALOGUE = Map.of("approval", Set.of("signature.events"), "signature",
			Set.of("approval.events"), "billing", Set.of("signature.events", "reconciliation.events"), "reconciliation",
			Set.of("signature.events", "billing.events"));

	/**
	 * The console's own consumer (live updates): every event topic, read-only, with a
	 * group per console instance whose id starts with {@link #CONSOLE_GROUP_PREFIX}.
	 */
	static final Set<String> CONSOLE_TOPICS = Set.of("approval.events", "signature.events", "billing.events",
			"reconciliation.events");

	static final String CONSOLE_GROUP_PREFIX = "vestline-console-";

	private static final Pattern LISTENER = Pattern
		.compile("@KafkaListener\\(topics = Topics\\.(\\w+), groupId = (\"?)(\\w+)\\2\\)");

	private static final Pattern CONSTANT = Pattern.compile("static final String (\\w+) = \"([^\"]+)\";");

	private Consumers() {
	}

	/** The topic a service publishes on. */
	static String ownTopic(String service) {
		return service + ".events";
	}

	/** The KafkaUser a workload connects as (Strimzi names its Secret the same). */
	static String kafkaUser(String workload) {
		return Repository.CONSOLE.equals(workload) ? "vestline-console" : workload + "-kafka";
	}

	static String deadLetterTopic(String topic, String group) {
		return topic + "." + group + ".dlt";
	}

	/**
	 * @return per service, its consumer group and the topics it listens to, read from the
	 * code
	 */
	static Map<String, Map<String, Set<String>>> fromListeners() {
		Map<String, String> topics = constants(
				Repository.read("common-events/src/main/java/dev/vestline/events/Topics.java"));
		Map<String, Map<String, Set<String>>> consumers = new TreeMap<>();
		for (String service : Repository.SERVICES) {
			Map<String, Set<String>> groups = new TreeMap<>();
			for (String source : sources(service)) {
				Map<String, String> constants = constants(source);
				Matcher listener = LISTENER.matcher(source);
				while (listener.find()) {
					String group = listener.group(2).isEmpty() ? constants.get(listener.group(3)) : listener.group(3);
					groups.computeIfAbsent(group, (key) -> new TreeSet<>()).add(topics.get(listener.group(1)));
				}
			}
			consumers.put(service, groups);
		}
		return consumers;
	}

	private static Map<String, String> constants(String source) {
		Matcher constant = CONSTANT.matcher(source);
		Map<String, String> constants = new TreeMap<>();
		while (constant.find()) {
			constants.put(constant.group(1), constant.group(2));
		}
		return constants;
	}

	private static Set<String> sources(String service) {
		try (Stream<Path> files = Files.walk(Repository.ROOT.resolve(service + "-service/src/main/java"))) {
			return files.filter((path) -> path.toString().endsWith(".java")).map((path) -> {
				try {
					return Files.readString(path);
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			}).collect(Collectors.toSet());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
