package dev.vestline.support.idempotency;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.env.Environment;

/**
 * {@code vestline.idempotency.*}: how long Idempotency-Keys are kept.
 *
 * @param retention how long a key replays its first response; clients retry within
 * minutes, not weeks
 * @param cleanupInterval how often older keys are deleted
 */
@ConfigurationProperties("vestline.idempotency")
public record IdempotencyProperties(@DefaultValue("7d") Duration retention,
		@DefaultValue("1h") Duration cleanupInterval) {

	private static final Logger logger = LoggerFactory.getLogger(IdempotencyProperties.class);

	static final String PREFIX = "vestline.idempotency.";

	/**
	 * The names each service had before the store was shared
	 * ({@code vestline.<schema>.idempotency.retention} and {@code .cleanup-interval})
	 * still count where the shared name is not set.
	 * @param environment the service's environment
	 * @return these properties, with the deprecated names applied
	 */
	IdempotencyProperties withDeprecatedNames(Environment environment) {
		String schema = environment.getProperty("vestline.schema");
		if (schema == null) {
			return this;
		}
		String deprecated = "vestline." + schema + ".idempotency.";
		return new IdempotencyProperties(resolve(environment, "retention", deprecated, this.retention),
				resolve(environment, "cleanup-interval", deprecated, this.cleanupInterval));
	}

	private static Duration resolve(Environment environment, String name, String deprecatedPrefix, Duration value) {
		if (environment.containsProperty(PREFIX + name)) {
			return value;
		}
		return Binder.get(environment).bind(deprecatedPrefix + name, Duration.class).map((old) -> {
			logger.warn("{}{} is deprecated; set {}{} instead", deprecatedPrefix, name, PREFIX, name);
			return old;
		}).orElse(value);
	}

}
