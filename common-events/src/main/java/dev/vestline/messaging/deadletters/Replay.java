package dev.vestline.messaging.deadletters;

import java.util.List;

/**
 * What one replay sent back to its consumer group.
 *
 * @param deadLetterTopic the dead-letter topic
 * @param replayed the dead letters sent back, in the order they were sent per partition
 */
public record Replay(String deadLetterTopic, List<DeadLetter> replayed) {
}
