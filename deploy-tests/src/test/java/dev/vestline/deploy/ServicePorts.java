package dev.vestline.deploy;

/**
 * The ports the services listen on: {@code server.port} of their application.yml, and the
 * management port of their prod profile.
 */
final class ServicePorts {

	private ServicePorts() {
	}

	static int of(String service) {
		return (Integer) Tree.at(Repository.applicationYaml(service, null), "server", "port");
	}

	/** The probes' and metrics' port under the prod profile (its default). */
	static int management(String service) {
		String port = Tree.string(Repository.applicationYaml(service, "prod"), "management", "server", "port");
		return Integer.parseInt(Placeholders.defaultOf(port));
	}

}
