package dev.vestline.testharness;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Gives every test context annotated with {@link RealInfrastructure} its own database and
 * broker. Registered in {@code META-INF/spring.factories}.
 */
class RealInfrastructureContextCustomizerFactory implements ContextCustomizerFactory {

	@Override
	public @Nullable ContextCustomizer createContextCustomizer(Class<?> testClass,
			List<ContextConfigurationAttributes> configAttributes) {
		var annotation = MergedAnnotations.from(testClass, MergedAnnotations.SearchStrategy.TYPE_HIERARCHY)
			.get(RealInfrastructure.class);
		return annotation.isPresent() ? new Customizer(annotation.getString("service")) : null;
	}

	/** Equal for the same service, so Spring's context cache can share contexts. */
	record Customizer(String service) implements ContextCustomizer {

		/** service-support's {@code DevTokens.EXAMPLE_SECRET}. */
		static final String DEV_SHARED_SECRET = "example-dev-only-secret-change-me-0123456789";

		@Override
		public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
			PostgresCluster postgres = PostgresCluster.shared();
			String database = postgres.createDatabase();
			ServiceDatabase schema = postgres.provision(database, this.service);
			KafkaBroker kafka = KafkaBroker.start();
			TestInfrastructure infrastructure = new TestInfrastructure(database, schema, kafka);
			context.getEnvironment()
				.getPropertySources()
				.addFirst(new MapPropertySource("vestlineTestInfrastructure",
						Map.of("spring.datasource.url", schema.jdbcUrl(), "spring.datasource.username",
								schema.username(), "spring.datasource.password", schema.password(),
								"spring.kafka.bootstrap-servers", kafka.bootstrapServers())));
			// the services' existing tests mint HS256 tokens with DevTokens' example key
			// (service-support): the development shared-secret mode, explicitly, and
			// last,
			// so a test that brings an identity provider turns it off with
			// "vestline.security.jwt.dev-shared-secret="
			context.getEnvironment()
				.getPropertySources()
				.addLast(new MapPropertySource("vestlineTestTokens",
						Map.of("vestline.security.jwt.dev-shared-secret", DEV_SHARED_SECRET)));
			RootBeanDefinition definition = new RootBeanDefinition(TestInfrastructure.class, () -> infrastructure);
			// the broker lives and dies with the context
			definition.setDestroyMethodName("closeBroker");
			((BeanDefinitionRegistry) context.getBeanFactory()).registerBeanDefinition("vestlineTestInfrastructure",
					definition);
		}

	}

}
