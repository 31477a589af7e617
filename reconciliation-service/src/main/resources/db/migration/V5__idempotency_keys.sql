-- Responses of creating POSTs by Idempotency-Key: a retry with the same key and body gets the
-- first response again; the same key with another body is refused (422).
CREATE TABLE idempotency_key (
    caller          text        NOT NULL,
    operation       text        NOT NULL,
    idempotency_key text        NOT NULL,
    request_sha256  bytea       NOT NULL CHECK (octet_length(request_sha256) = 32),
    response_status integer     NOT NULL,
    response_body   text        NOT NULL,
    location        text,
    etag            text,
    created_at      timestamptz NOT NULL,
    PRIMARY KEY (caller, operation, idempotency_key)
);
