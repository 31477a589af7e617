package dev.vestline.signature.sealing;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;

/**
 * Provides the sealing key: the configured one (checked by the {@link SealingKeyGuard}
 * under {@code prod}), or outside {@code prod} a generated one when none is configured.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SealingProperties.class)
class SealingConfiguration {

	private static final Logger logger = LoggerFactory.getLogger(SealingConfiguration.class);

	@Bean
	SealingKey sealingKey(SealingProperties properties, Environment environment, Clock clock) {
		boolean production = environment.acceptsProfiles(Profiles.of("prod"));
		SealingKey key = properties.configured() ? SealingKeys.load(properties) : null;
		if (production) {
			new SealingKeyGuard(clock).check(key);
		}
		if (key == null) {
			key = SealingKeys.generateLocal(clock);
			logger.warn(
					"No sealing key configured ({}): sealing with a key generated for this process, "
							+ "certificate SHA-256 {}; such a seal proves nothing to anyone else",
					SealingProperties.KEY_STORE, key.fingerprint());
		}
		return key;
	}

}
