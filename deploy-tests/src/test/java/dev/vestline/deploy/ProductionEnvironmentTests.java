package dev.vestline.deploy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A workload's prod profile (each service's and the console's) and its Deployment name
 * the same environment variables: every {@code ${VARIABLE}} of application-prod.yml that
 * has no default (an empty default counts as none: the production guard refuses an empty
 * secret) is set by the Deployment of every overlay, and every variable the Deployment
 * sets is read, by a placeholder of the service's configuration or by one of the few
 * readers outside it named below.
 */
class ProductionEnvironmentTests {

	/**
	 * Variables a Deployment may set that no placeholder names, and who reads them.
	 * Spring Boot binds an environment variable to the property of the same name (relaxed
	 * binding), so a variable for one of its own properties needs no placeholder.
	 */
	static final Map<String, String> READ_OUTSIDE_PLACEHOLDERS = Map.of("SPRING_PROFILES_ACTIVE",
			"Spring Boot: the active profile", "SERVER_PORT", "Spring Boot: server.port",
			"SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUER_URI",
			"Spring Boot: spring.security.oauth2.resourceserver.jwt.issuer-uri",
			"SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_AUDIENCES",
			"Spring Boot: spring.security.oauth2.resourceserver.jwt.audiences", "JAVA_TOOL_OPTIONS",
			"the JVM, before Spring starts");

	@Test
	void everyVariableTheProdProfileNeedsIsSetByTheDeployment() {
		List<String> missing = new ArrayList<>();
		for (Overlay overlay : Rendered.overlays()) {
			for (String service : Repository.WORKLOADS) {
				Set<String> set = Rendered.environment(overlay.one("Deployment", service)).keySet();
				required(service).stream()
					.filter((variable) -> !set.contains(variable))
					.forEach((variable) -> missing.add(overlay.name() + ": " + service + " reads " + variable));
			}
		}
		assertThat(missing).as("read by application-prod.yml without a default, not set by the Deployment").isEmpty();
	}

	@Test
	void everyVariableTheDeploymentSetsIsRead() {
		List<String> unread = new ArrayList<>();
		for (Overlay overlay : Rendered.overlays()) {
			for (String service : Repository.WORKLOADS) {
				Set<String> read = read(service);
				Rendered.environment(overlay.one("Deployment", service))
					.keySet()
					.stream()
					.filter((variable) -> !read.contains(variable) && !READ_OUTSIDE_PLACEHOLDERS.containsKey(variable))
					.forEach((variable) -> unread.add(overlay.name() + ": " + service + " is given " + variable));
			}
		}
		assertThat(unread).as("set by the Deployment, read by nothing").isEmpty();
	}

	@Test
	void aPlaceholderWithAnEmptyDefaultCountsAsRequired() {
		assertThat(required(Placeholders.in("url: ${A_URL}\npassword: ${A_PASSWORD:}\npool: ${A_POOL:10}")))
			.containsExactly("A_PASSWORD", "A_URL");
	}

	/** The variables application-prod.yml reads without a usable default. */
	private static Set<String> required(String service) {
		return required(placeholders(service, "prod"));
	}

	private static Set<String> required(Map<String, String> placeholders) {
		Set<String> required = new TreeSet<>();
		placeholders.forEach((variable, fallback) -> {
			if (fallback == null || fallback.isEmpty()) {
				required.add(variable);
			}
		});
		return required;
	}

	/** Every variable a placeholder of application.yml or application-prod.yml names. */
	private static Set<String> read(String service) {
		Set<String> read = new TreeSet<>(placeholders(service, null).keySet());
		read.addAll(placeholders(service, "prod").keySet());
		return read;
	}

	private static Map<String, String> placeholders(String service, String profile) {
		String name = (profile != null) ? "application-" + profile + ".yml" : "application.yml";
		return new LinkedHashMap<>(Placeholders.in(Repository.read(Repository.resource(service, name))));
	}

}
