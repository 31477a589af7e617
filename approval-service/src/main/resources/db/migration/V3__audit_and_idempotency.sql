-- Every decision, lost race, expiry and compensation, with actor, time and reason.
-- Append-only; no foreign key, so a refused request about an unknown approval is recorded too.
CREATE TABLE approval_audit (
    id          bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    approval_id uuid        NOT NULL,
    action      text        NOT NULL,
    actor       text        NOT NULL,
    at          timestamptz NOT NULL,
    step        integer,
    status      text,
    reason      text
);
CREATE INDEX approval_audit_by_approval ON approval_audit (approval_id, id);

-- Creating POSTs with an Idempotency-Key: the first response, replayed to a retry.
-- Written in the same transaction as what the request created, so nothing is half-written.
CREATE TABLE idempotent_request (
    caller          text        NOT NULL,
    idempotency_key text        NOT NULL CHECK (length(idempotency_key) BETWEEN 1 AND 200),
    operation       text        NOT NULL,
    request_sha256  bytea       NOT NULL CHECK (octet_length(request_sha256) = 32),
    response_status integer,
    response_body   text,
    location        text,
    etag            text,
    created_at      timestamptz NOT NULL,
    PRIMARY KEY (caller, operation, idempotency_key)
);
CREATE INDEX idempotent_request_created_at ON idempotent_request (created_at);

-- A signing workflow's outcome is applied once, even if it arrives again under a new event id.
CREATE TABLE workflow_outcome (
    workflow_id uuid        PRIMARY KEY,
    approval_id uuid        NOT NULL,
    outcome     text        NOT NULL CHECK (outcome IN ('FAILED', 'CANCELLED', 'COMPLETED')),
    applied     boolean     NOT NULL,
    received_at timestamptz NOT NULL
);
