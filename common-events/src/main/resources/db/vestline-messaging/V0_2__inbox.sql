-- Idempotent inbox: a consumer records every event id it applied, in the same transaction
-- as the effects; a second delivery of the same id finds the row and changes nothing.
CREATE TABLE inbox_event (
    consumer       text        NOT NULL,
    event_id       uuid        NOT NULL,
    event_type     text        NOT NULL,
    -- a redelivery must carry the same payload; a different one is a producer bug
    payload_sha256 bytea       NOT NULL CHECK (octet_length(payload_sha256) = 32),
    received_at    timestamptz NOT NULL DEFAULT clock_timestamp(),
    PRIMARY KEY (consumer, event_id)
);

-- retention deletes old rows by age
CREATE INDEX inbox_event_received_at ON inbox_event (received_at);
