-- Responses of POSTs sent with an Idempotency-Key, so a retry gets the first answer.
CREATE TABLE idempotent_request (
    -- what the key is scoped to, e.g. one signer request: keys of different callers never meet
    scope           text        NOT NULL,
    idempotency_key text        NOT NULL CHECK (length(idempotency_key) BETWEEN 1 AND 200),
    -- the same key with a different request is refused (422)
    request_sha256  text        NOT NULL,
    response_status integer     NOT NULL,
    response_body   text        NOT NULL,
    created_at      timestamptz NOT NULL,
    PRIMARY KEY (scope, idempotency_key)
);
