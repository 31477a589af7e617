-- Idempotency-Keys of creating POSTs: the first response, replayed to a retry with the same
-- key and request. Shipped by service-support and applied in every service's own schema.
-- Versions 0.9.x are this location's: they sort before a service's own migrations on a fresh
-- database, and run out of order (Flyway outOfOrder) on one migrated before they existed, so
-- they may depend on nothing but earlier 0.x migrations.
CREATE TABLE idempotency_record (
    -- who sent the key (the token subject, or for a signing link a hash of the link)
    caller          text        NOT NULL,
    -- what the request creates, e.g. create-deal: the same key for another operation is
    -- another request
    operation       text        NOT NULL,
    idempotency_key text        NOT NULL CHECK (length(idempotency_key) BETWEEN 1 AND 200),
    -- the same key with a different request is refused (422)
    request_sha256  bytea       NOT NULL CHECK (octet_length(request_sha256) = 32),
    -- set in the transaction that inserted the row, so a committed row always has it
    response_status integer     CHECK (response_status BETWEEN 100 AND 599),
    response_body   text,
    location        text,
    etag            text,
    created_at      timestamptz NOT NULL,
    PRIMARY KEY (caller, operation, idempotency_key)
);

-- retention deletes old keys by age
CREATE INDEX idempotency_record_created_at ON idempotency_record (created_at);
