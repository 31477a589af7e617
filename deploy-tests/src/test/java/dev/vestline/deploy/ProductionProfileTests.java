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
 * What a service's configuration becomes under the prod profile with the environment its
 * Deployment gives it, bound the way Spring Boot binds it: the database, Kafka with SASL
 * over TLS, the management port, topics left to Strimzi; and every file it names is
 * mounted.
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
				assertThat(string(binder, "spring.kafka.bootstrap-servers"))
					.isEqualTo(environment.get("KAFKA_BOOTSTRAP_SERVERS"));
				assertThat(string(binder, "spring.kafka.security.protocol")).isEqualTo("SASL_SSL");
				Map<String, String> kafka = binder
					.bind("spring.kafka.properties", Bindable.mapOf(String.class, String.class))
					.get();
				assertThat(kafka).containsEntry("sasl.mechanism", "SCRAM-SHA-512")
					.containsEntry("sasl.jaas.config", "secret:" + service + "-kafka/sasl.jaas.config")
					.containsEntry("ssl.truststore.type", "PEM");
				assertThat(mountedFiles(deployment)).as(service)
					.contains(kafka.get("ssl.truststore.location"),
							string(binder, "spring.datasource.url").replaceAll(".*sslrootcert=([^&]+).*", "$1"));
				assertThat(string(binder, "management.server.port"))
					.isEqualTo(String.valueOf(ServicePorts.management(service)));
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
					new FileSystemResource(Repository.ROOT.resolve(service + "-service/src/main/resources/" + name)));
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
