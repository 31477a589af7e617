package dev.vestline.console.live;

import java.time.Duration;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code vestline.console.live.*}: how the console follows the services' topics for its
 * pages. The broker itself is Spring Boot's {@code spring.kafka.*}, as for the services.
 *
 * @param instance this instance's part of its consumer group id,
 * {@code vestline-console-<instance>}; a new random one per start when not set, since
 * every instance must read every record (its pages are its own)
 * @param heartbeat how often a quiet stream gets a comment
 * @param brokerCheck how often the console asks whether its broker answers
 * @param streamTimeout how long one stream stays open before the browser opens it again
 */
@ConfigurationProperties("vestline.console.live")
record LiveProperties(@Nullable String instance, @DefaultValue("15s") Duration heartbeat,
		@DefaultValue("5s") Duration brokerCheck, @DefaultValue("30m") Duration streamTimeout) {

	/** Every console consumer group starts with this (the ACLs name the prefix). */
	static final String GROUP_PREFIX = "vestline-console-";

	String groupId() {
		return GROUP_PREFIX + ((this.instance != null) ? this.instance : RANDOM_INSTANCE);
	}

	private static final String RANDOM_INSTANCE = UUID.randomUUID().toString();

}
