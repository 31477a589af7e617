-- The relay's work list: the position of every event Kafka has not acknowledged yet.
-- Until now the relay marked an event published by setting outbox_event.published_at,
-- which rewrote the whole ~1 KB row and all its index entries (a row leaving the partial
-- "unpublished" index can never be a HOT update). Marking now deletes a narrow row here;
-- outbox_event is only ever inserted into, and deleted from by retention.
CREATE TABLE outbox_pending (
    -- no foreign key to outbox_event: its check would cost every append a lookup, and
    -- retention keeps pending events itself
    position bigint PRIMARY KEY
)
-- a queue: rows come and go all the time. Truncating its empty tail would take an
-- exclusive lock that stalls every append; the pages are reused instead.
WITH (vacuum_truncate = false);

INSERT INTO outbox_pending (position) SELECT position FROM outbox_event WHERE published_at IS NULL;

-- A relay from before this migration claims and marks by published_at. Without the column
-- its statements fail, so it claims nothing more and backs off: during a rolling upgrade
-- only upgraded relays publish. A batch it had in flight stays pending and is sent once
-- more by an upgraded relay (at-least-once, as after any relay crash).
DROP INDEX outbox_event_unpublished;
DROP INDEX outbox_event_published;
ALTER TABLE outbox_event
    DROP CONSTRAINT outbox_event_published_after_created,
    DROP COLUMN published_at;

-- retention deletes published events by age
CREATE INDEX outbox_event_created_at ON outbox_event (created_at);

-- Every inserted event is pending and wakes the relay, whoever inserts it (a service from
-- before this migration, during a rolling upgrade, too). NOTIFY is delivered on commit
-- (never for a rolled-back transaction) and collapsed to one per transaction and channel.
-- The function keeps the search path it was created with: its tables are the schema's own.
CREATE FUNCTION outbox_event_pending() RETURNS trigger LANGUAGE plpgsql
    SET search_path FROM CURRENT AS $$
BEGIN
    INSERT INTO outbox_pending (position) SELECT position FROM inserted;
    PERFORM pg_notify('vestline_outbox_' || TG_TABLE_SCHEMA, '');
    RETURN NULL;
END $$;

DROP TRIGGER outbox_event_inserted ON outbox_event;
DROP FUNCTION outbox_event_notify();
CREATE TRIGGER outbox_event_inserted AFTER INSERT ON outbox_event
    REFERENCING NEW TABLE AS inserted
    FOR EACH STATEMENT EXECUTE FUNCTION outbox_event_pending();
