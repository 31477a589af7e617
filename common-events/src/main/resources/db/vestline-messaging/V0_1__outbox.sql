-- Transactional outbox: a service writes its events here in the same transaction as the
-- business rows; the relay moves them to Kafka afterwards. Shipped by common-events and
-- applied in every service's own schema.
CREATE TABLE outbox_event (
    -- insertion order: the relay publishes unpublished rows in this order
    position         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    -- ce_id, a time-ordered UUIDv7 minted when the row is written
    id               uuid        NOT NULL UNIQUE,
    topic            text        NOT NULL,
    -- the aggregate id: the record key and ce_subject
    record_key       text        NOT NULL,
    event_type       text        NOT NULL,
    source           text        NOT NULL,
    data_schema      text,
    payload          jsonb       NOT NULL,
    correlation_id   text,
    causation_id     text,
    traceparent      text,
    -- ce_time: when the event happened
    occurred_at      timestamptz NOT NULL,
    created_at       timestamptz NOT NULL DEFAULT clock_timestamp(),
    published_at     timestamptz,
    publish_attempts integer     NOT NULL DEFAULT 0,
    last_error       text,
    CONSTRAINT outbox_event_published_after_created CHECK (published_at IS NULL OR published_at >= created_at)
);

-- the relay's claim query and the backlog metrics read only unpublished rows
CREATE INDEX outbox_event_unpublished ON outbox_event (position) WHERE published_at IS NULL;
-- retention deletes published rows by age
CREATE INDEX outbox_event_published ON outbox_event (published_at) WHERE published_at IS NOT NULL;

-- Wake the relay when events commit: NOTIFY is delivered on commit (never for a rolled-back
-- transaction) and collapsed to one per transaction and channel.
CREATE FUNCTION outbox_event_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('vestline_outbox_' || TG_TABLE_SCHEMA, '');
    RETURN NULL;
END $$;

CREATE TRIGGER outbox_event_inserted AFTER INSERT ON outbox_event
    FOR EACH STATEMENT EXECUTE FUNCTION outbox_event_notify();
