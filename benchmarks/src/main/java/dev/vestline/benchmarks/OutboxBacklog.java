package dev.vestline.benchmarks;

import javax.sql.DataSource;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Fills Vestline's {@code outbox_event} with a backlog in one statement on the server:
 * the same rows {@code Outbox.append} writes (the JSON of {@link PositionRevalued}, its
 * CloudEvents attributes), without spending the benchmark's time on writing them.
 */
final class OutboxBacklog {

	private OutboxBacklog() {
	}

	static void fill(DataSource dataSource, String topic, Sizes sizes) {
		JdbcClient.create(dataSource)
			.sql("""
					INSERT INTO outbox_event (id, topic, record_key, event_type, source, data_schema, payload, occurred_at)
					SELECT gen_random_uuid(), :topic, 'acc-' || (i % :accounts), :type, :source, :schema,
					       jsonb_build_object('account', 'acc-' || (i % :accounts), 'sequence', i, 'memo', MEMO_SQL),
					       clock_timestamp()
					  FROM generate_series(1, :events) AS i
					"""
				.replace("MEMO_SQL", PositionRevalued.SQL_MEMO))
			.param("topic", topic)
			.param("accounts", sizes.accounts())
			.param("type", PositionRevalued.TYPE.ceType())
			.param("source", PositionRevalued.TYPE.source().toString())
			.param("schema", PositionRevalued.TYPE.dataSchema().toString())

			.param("events", sizes.events())
			.update();
		JdbcClient.create(dataSource).sql("ANALYZE outbox_event, outbox_pending").update();
	}

}
