-- Idempotency-Key of creating POSTs: the first response is stored and replayed to retries.
CREATE TABLE idempotent_request (
    scope           text        NOT NULL,
    idempotency_key text        NOT NULL CHECK (length(idempotency_key) BETWEEN 1 AND 200),
    request_sha256  bytea       NOT NULL CHECK (octet_length(request_sha256) = 32),
    -- null while the first request is still being processed
    response_status integer,
    response_body   text,
    response_etag   text,
    response_location text,
    created_at      timestamptz NOT NULL,
    PRIMARY KEY (scope, idempotency_key)
);
CREATE INDEX idempotent_request_created_at ON idempotent_request (created_at);
