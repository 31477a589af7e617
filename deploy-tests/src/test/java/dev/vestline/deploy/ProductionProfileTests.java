package dev.vestline.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import dev.vestline.deploy.Overlay.Document;
import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.PropertySourcesPlaceholdersResolver;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.io.FileSystemResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a service's (and the console's) configuration becomes under the prod profile with
 * the environment its Deployment gives it, bound the way Spring Boot binds it: the
 * database, Kafka with SASL over TLS, the management port, topics left to Strimzi; and
 * every file it names is mounted.
 */
class ProductionProfileTests {

	@Test
	void eachServiceConnectsAsItsDeploymentSays() {
		for (Overlay overlay : Rendered.overlays()) {
			for (String service : Repository.SERVICES) {
				Document deployment = overlay.one("Deployment", service);
				Map<String, String> environment = Rendered.environment(deployment);
				Binder binder = binder(service, environment);
				String prefix = service.toUpperCase() + "_DB_";
				assertThat(string(binder, "spring.datasource.url")).isEqualTo(environment.get(prefix + "URL"));
				assertThat(string(binder, "spring.datasource.username")).isEqualTo(service);
				assertThat(string(binder, "spring.datasource.password"))
					.isEqualTo(environment.get(prefix + "PASSWORD"));
				assertThat(mountedFiles(deployment)).as(service)
					.contains(string(binder, "spring.datasource.url").replaceAll(".*sslrootcert=([^&]+).*", "$1"));
				assertThat(string(binder, "vestline.messaging.topics.declare")).isEqualTo("false");
				assertThat(string(binder, "spring.security.oauth2.resourceserver.jwt.issuer-uri"))
					.isEqualTo("configMap:vestline-identity/issuer-uri");
				assertThat(string(binder, "spring.security.oauth2.resourceserver.jwt.audiences"))
					.isEqualTo("configMap:vestline-identity/audiences");
				assertThat(string(binder, "vestline.security.jwt.dev-shared-secret")).isNull();
			}
		}
	}

	@Test
	void everyWorkloadConnectsToKafkaWithSaslOverTlsAndServesProbesOnItsManagementPort() {
		for (Overlay overlay : Rendered.overlays()) {
			for (String workload : Repository.WORKLOADS) {
				Document deployment = overlay.one("Deployment", workload);
				Map<String, String> environment = Rendered.environment(deployment);
				Binder binder = binder(workload, environment);
				assertThat(string(binder, "spring.kafka.bootstrap-servers")).as(workload)
					.isEqualTo(environment.get("KAFKA_BOOTSTRAP_SERVERS"));
				assertThat(string(binder, "spring.kafka.security.protocol")).as(workload).isEqualTo("SASL_SSL");
				Map<String, String> kafka = binder
					.bind("spring.kafka.properties", Bindable.mapOf(String.class, String.class))
					.get();
				assertThat(kafka).as(workload)
					.containsEntry("sasl.mechanism", "SCRAM-SHA-512")
					.containsEntry("sasl.jaas.config", "secret:" + Consumers.kafkaUser(workload) + "/sasl.jaas.config")
					.containsEntry("ssl.truststore.type", "PEM");
				assertThat(mountedFiles(deployment)).as(workload).contains(kafka.get("ssl.truststore.location"));
				assertThat(string(binder, "management.server.port")).as(workload)
					.isEqualTo(String.valueOf(ServicePorts.management(workload)));
				assertThat(string(binder, "management.server.port")).as(workload)
					.isNotEqualTo(string(binder, "server.port"));
			}
		}
	}

	@Test
	void theConsoleSignsInAtTheServicesProviderAndCallsTheirApisInsideTheCluster() {
		for (Overlay overlay : Rendered.overlays()) {
			Binder console = binder(Repository.CONSOLE,
					Rendered.environment(overlay.one("Deployment", Repository.CONSOLE)));
			// the provider that issues the tokens the services accept
			assertThat(string(console, "spring.security.oauth2.client.provider.vestline.issuer-uri"))
				.isEqualTo("configMap:vestline-identity/issuer-uri");
			assertThat(configured(overlay,
					string(console, "spring.security.oauth2.client.registration.vestline.client-id")))
				.isEqualTo("vestline-console");
			assertThat(
					string(console, "spring.security.oauth2.client.registration.vestline.client-authentication-method"))
				.as("a public client: PKCE, no secret")
				.isEqualTo("none");
			for (String service : Repository.SERVICES) {
				String url = configured(overlay, string(console, "vestline.console.services." + service));
				int port = ServicePorts.of(service);
				assertThat(url).as(service).isEqualTo("http://" + service + ":" + port);
				assertThat(Tree.list(overlay.one("Service", service).tree(), "spec", "ports")).anySatisfy((exposed) -> {
					assertThat(Tree.string(exposed, "name")).isEqualTo("http");
					assertThat(Tree.at(exposed, "port")).isEqualTo(port);
				});
			}
			// behind the ingress: redirect URIs from X-Forwarded-*, the session cookie
			// only over TLS
			assertThat(string(console, "server.forward-headers-strategy")).isEqualTo("native");
			assertThat(string(console, "server.servlet.session.cookie.secure")).isEqualTo("true");
		}
	}

	/**
	 * A "configMap:name/key" value as the overlay's ConfigMap has it; others as they are.
	 */
	private static String configured(Overlay overlay, String value) {
		if (value == null || !value.startsWith("configMap:")) {
			return value;
		}
		String[] reference = value.substring("configMap:".length()).split("/", 2);
		return Tree.string(overlay.one("ConfigMap", reference[0]).tree(), "data", reference[1]);
	}

	@Test
	void signatureAndBillingGetTheirPublicUrlWebhookKeyAndMailRelayFromTheCluster() {
		for (Overlay overlay : Rendered.overlays()) {
			Binder signature = binder("signature", Rendered.environment(overlay.one("Deployment", "signature")));
			assertThat(string(signature, "vestline.signature.links.public-base-url"))
				.isEqualTo("configMap:vestline-signature/public-base-url");
			Binder billing = binder("billing", Rendered.environment(overlay.one("Deployment", "billing")));
			assertThat(string(billing, "vestline.billing.webhook.secret"))
				.isEqualTo("secret:vestline-billing-webhook/secret");
			for (Binder mailing : List.of(signature, billing)) {
				assertThat(string(mailing, "vestline.mail.enabled")).isEqualTo("true");
				assertThat(string(mailing, "spring.mail.host")).isEqualTo("configMap:vestline-mail/smtp-host");
				assertThat(string(mailing, "spring.mail.port")).isEqualTo("configMap:vestline-mail/smtp-port");
				assertThat(string(mailing, "spring.mail.username")).isEqualTo("secret:vestline-smtp/username");
				assertThat(string(mailing, "spring.mail.password")).isEqualTo("secret:vestline-smtp/password");
			}
			assertThat(string(signature, "vestline.mail.from")).isEqualTo("configMap:vestline-mail/signature-from");
			assertThat(string(billing, "vestline.mail.from")).isEqualTo("configMap:vestline-mail/billing-from");
		}
	}

	@Test
	void signatureAndBillingReadTheBouncesOfTheirMailFromTheirOwnMailboxOverImaps() {
		for (Overlay overlay : Rendered.overlays()) {
			for (String service : List.of("signature", "billing")) {
				Binder mailing = binder(service, Rendered.environment(overlay.one("Deployment", service)));
				assertThat(string(mailing, "vestline.mail.bounces.host"))
					.isEqualTo("configMap:vestline-mail/imap-host");
				assertThat(string(mailing, "vestline.mail.bounces.port"))
					.isEqualTo("configMap:vestline-mail/imap-port");
				assertThat(string(mailing, "vestline.mail.bounces.ssl")).isEqualTo("true");
				assertThat(string(mailing, "vestline.mail.bounces.user"))
					.isEqualTo("secret:vestline-" + service + "-bounces/username");
				assertThat(string(mailing, "vestline.mail.bounces.password"))
					.isEqualTo("secret:vestline-" + service + "-bounces/password");
				assertThat(string(mailing, "spring.mail.properties[mail.smtp.from]"))
					.as("the envelope sender: where returned mail goes")
					.isEqualTo("configMap:vestline-mail/" + service + "-bounces");
			}
		}
	}

	/**
	 * The environment as variables (highest precedence, relaxed names as Spring Boot maps
	 * them), then application-prod.yml, then application.yml.
	 */
	private static Binder binder(String service, Map<String, String> environment) {
		MutablePropertySources sources = new MutablePropertySources();
		Map<String, Object> variables = new HashMap<>(environment);
		sources.addLast(new SystemEnvironmentPropertySource("environment", variables));
		Stream.of("application-prod.yml", "application.yml")
			.forEach((name) -> load(service, name).forEach(sources::addLast));
		return new Binder(ConfigurationPropertySources.from(sources), new PropertySourcesPlaceholdersResolver(sources));
	}

	private static List<PropertySource<?>> load(String service, String name) {
		try {
			return new YamlPropertySourceLoader().load(name,
					new FileSystemResource(Repository.ROOT.resolve(Repository.resource(service, name))));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String string(Binder binder, String name) {
		return binder.bind(name, String.class).orElse(null);
	}

	/**
	 * The files the container sees from its Secret volumes: mount path plus item path.
	 */
	private static List<String> mountedFiles(Document deployment) {
		Map<String, Object> pod = Rendered.podSpec(deployment);
		return Tree.list(Rendered.container(deployment), "volumeMounts").stream().flatMap((mount) -> {
			Object volume = Tree.list(pod, "volumes")
				.stream()
				.filter((candidate) -> Tree.string(candidate, "name").equals(Tree.string(mount, "name")))
				.findFirst()
				.orElseThrow();
			return Tree.list(volume, "secret", "items")
				.stream()
				.map((item) -> Tree.string(mount, "mountPath") + "/" + Tree.string(item, "path"));
		}).toList();
	}

}
