package dev.vestline.messaging.deadletters;

import java.util.HashMap;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The SQL of how far each partition of a dead-letter topic was replayed or discarded
 * ({@code dead_letter_progress}).
 */
final class DeadLetterProgress {

	private DeadLetterProgress() {
	}

	/**
	 * @return per partition, the first offset not replayed or discarded yet
	 */
	static Map<Integer, Long> of(JdbcClient jdbc, DeadLetterTopic topic) {
		Map<Integer, Long> progress = new HashMap<>();
		jdbc.sql("SELECT partition, next_offset FROM dead_letter_progress WHERE dead_letter_topic = ?")
			.param(topic.name())
			.query((rs) -> {
				progress.put(rs.getInt(1), rs.getLong(2));
			});
		return progress;
	}

	/** Moves a partition's progress forward to {@code next}, never back. */
	static void advance(JdbcClient jdbc, DeadLetterTopic topic, int partition, long next) {
		jdbc.sql("""
				INSERT INTO dead_letter_progress (dead_letter_topic, partition, next_offset) VALUES (?, ?, ?)
				ON CONFLICT (dead_letter_topic, partition) DO UPDATE
				   SET next_offset = greatest(dead_letter_progress.next_offset, excluded.next_offset),
				       updated_at = clock_timestamp()
				""").params(topic.name(), partition, next).update();
	}

}
