package dev.vestline.support.production;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;

/**
 * Runs the {@link ProductionGuard} under the {@code prod} profile, before the service
 * accepts any work.
 */
@AutoConfiguration
@Profile("prod")
public class ProductionGuardAutoConfiguration {

	@Bean
	static SmartInitializingSingleton productionGuard(Environment environment) {
		ProductionGuard guard = new ProductionGuard(environment);
		guard.check(); // fail while the context starts, not at the first request
		return () -> {
		};
	}

}
