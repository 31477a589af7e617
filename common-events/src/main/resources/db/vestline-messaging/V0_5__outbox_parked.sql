-- Parked events: a row the broker refuses again and again (larger than a topic takes, say)
-- no longer stops every later event of the service. After a few refusals the relay parks
-- it here and takes it off the work list; the later rows of the same aggregate (topic and
-- record key) are held here behind it, so that the aggregate's events never go out of
-- order; every other aggregate's events flow on. An operator lists them, and retries (the
-- cause fixed) or discards the parked row, which puts the held rows back on the work list.
CREATE TABLE outbox_parked (
    position    bigint      PRIMARY KEY,
    topic       text        NOT NULL,
    record_key  text        NOT NULL,
    -- NULL for the row the broker refused; else the parked row this one waits behind
    held_behind bigint,
    parked_at   timestamptz NOT NULL DEFAULT clock_timestamp(),
    -- why the broker refused it; NULL for a held row
    reason      text,
    CONSTRAINT outbox_parked_refused_or_held CHECK ((held_behind IS NULL) = (reason IS NOT NULL))
);

-- the relay looks up whether a claimed row's aggregate has a parked row
CREATE INDEX outbox_parked_key ON outbox_parked (topic, record_key);
CREATE INDEX outbox_parked_held_behind ON outbox_parked (held_behind) WHERE held_behind IS NOT NULL;

-- refusals of this row by the producer or the broker (too large, invalid), as opposed to
-- failures of the broker (down, slow) that every row meets alike; a constant default
-- adds the column without rewriting the table
ALTER TABLE outbox_event ADD COLUMN refusals integer NOT NULL DEFAULT 0;
