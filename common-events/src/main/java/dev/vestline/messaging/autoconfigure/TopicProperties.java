package dev.vestline.messaging.autoconfigure;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code vestline.messaging.topics.*}: the topics a service creates at startup when they
 * do not exist yet: the four event topics and a dead-letter topic per topic its listeners
 * consume.
 *
 * @param declare whether to create missing topics at all (off where topics are
 * provisioned by other means)
 * @param partitions partitions of a new topic: they bound how many replicas of a consumer
 * work in parallel. Existing topics are never changed: adding partitions would move keys
 * to other partitions and break per-aggregate order
 * @param replicationFactor replicas of a new topic; {@code null} for the broker's
 * {@code default.replication.factor}
 * @param retryInterval how often to try again when the broker could not be reached at
 * startup
 */
@ConfigurationProperties("vestline.messaging.topics")
public record TopicProperties(@DefaultValue("true") boolean declare, @DefaultValue("6") int partitions,
		@Nullable Short replicationFactor, @DefaultValue("30s") Duration retryInterval) {

}
