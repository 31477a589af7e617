-- How far each dead-letter topic's partition was replayed or discarded: the first offset
-- still pending. It lived in the committed offsets of a consumer group without members,
-- which Kafka deletes after offsets.retention.minutes (7 days by default): every dead
-- letter replayed or discarded before then would have come back as pending. Here it stays,
-- and it is written in the transaction that holds the topic's replay lock.
CREATE TABLE dead_letter_progress (
    dead_letter_topic text        NOT NULL,
    partition         integer     NOT NULL CHECK (partition >= 0),
    next_offset       bigint      NOT NULL CHECK (next_offset >= 0),
    updated_at        timestamptz NOT NULL DEFAULT clock_timestamp(),
    PRIMARY KEY (dead_letter_topic, partition)
);
