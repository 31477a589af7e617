-- An approval: a chain of steps (one role each) decided by staff, one step at a time.
CREATE TABLE approval (
    id              uuid          PRIMARY KEY,
    deal_id         uuid          NOT NULL REFERENCES deal (id),
    vehicle_id      uuid          NOT NULL,
    investor_id     text          NOT NULL CHECK (length(investor_id) BETWEEN 1 AND 100),
    kind            text          NOT NULL CHECK (kind IN ('DEAL_INTEREST', 'SUBSCRIPTION')),
    subscription_id uuid,
    amount          numeric(19,2) CHECK (amount > 0),
    currency        char(3),
    steps           text[]        NOT NULL CHECK (cardinality(steps) BETWEEN 1 AND 10),
    decided_steps   integer       NOT NULL DEFAULT 0,
    status          text          NOT NULL CHECK (status IN ('PENDING', 'GRANTED', 'EXECUTED', 'REJECTED',
                                                             'EXPIRED', 'CANCELLED')),
    -- the amount currently held against the deal's capacity; set exactly while granted
    reserved_amount numeric(19,2),
    requested_by    text          NOT NULL,
    requested_at    timestamptz   NOT NULL,
    expires_at      timestamptz   NOT NULL CHECK (expires_at > requested_at),
    granted_by      text,
    granted_at      timestamptz,
    executed_at     timestamptz,
    workflow_id     uuid,
    ended_by        text,
    ended_at        timestamptz,
    end_reason      text,
    reopen_reason   text,
    reopened_at     timestamptz,
    version         bigint        NOT NULL DEFAULT 0,
    CONSTRAINT approval_subscription_fields CHECK (
        (kind = 'SUBSCRIPTION') = (subscription_id IS NOT NULL)
        AND (kind = 'SUBSCRIPTION') = (amount IS NOT NULL)
        AND (kind = 'SUBSCRIPTION') = (currency IS NOT NULL)),
    CONSTRAINT approval_decided_steps_in_chain CHECK (decided_steps BETWEEN 0 AND cardinality(steps)),
    CONSTRAINT approval_granted_is_complete CHECK (
        status NOT IN ('GRANTED', 'EXECUTED')
        OR (decided_steps = cardinality(steps) AND granted_by IS NOT NULL AND granted_at IS NOT NULL)),
    CONSTRAINT approval_pending_is_incomplete CHECK (status <> 'PENDING' OR decided_steps < cardinality(steps)),
    CONSTRAINT approval_reservation_while_granted CHECK (
        CASE WHEN kind = 'SUBSCRIPTION' AND status IN ('GRANTED', 'EXECUTED') THEN reserved_amount = amount
             ELSE reserved_amount IS NULL END),
    CONSTRAINT approval_executed_has_time CHECK ((status = 'EXECUTED') = (executed_at IS NOT NULL)),
    CONSTRAINT approval_ended_has_who_when_why CHECK (
        CASE WHEN status IN ('REJECTED', 'CANCELLED', 'EXPIRED')
             THEN ended_by IS NOT NULL AND ended_at IS NOT NULL AND end_reason IS NOT NULL
             ELSE ended_by IS NULL AND ended_at IS NULL AND end_reason IS NULL END),
    CONSTRAINT approval_reopened_has_reason CHECK ((reopened_at IS NULL) = (reopen_reason IS NULL))
);

-- one open approval per (deal, investor, kind): the database decides a race between two requests
CREATE UNIQUE INDEX approval_one_open_per_deal_investor_kind
    ON approval (deal_id, investor_id, kind) WHERE status IN ('PENDING', 'GRANTED');

-- keyset pagination newest first (ids are time-ordered UUIDv7) with the usual filters
CREATE INDEX approval_by_status ON approval (status, id);
CREATE INDEX approval_by_deal ON approval (deal_id, id);
CREATE INDEX approval_by_investor ON approval (investor_id, id);
-- the expiry job's claim query
CREATE INDEX approval_pending_by_expiry ON approval (expires_at) WHERE status = 'PENDING';

-- The steps approved so far. Four eyes: one person approves at most one step of an approval.
CREATE TABLE approval_step (
    approval_id uuid        NOT NULL REFERENCES approval (id),
    step        integer     NOT NULL CHECK (step >= 1),
    role        text        NOT NULL,
    decided_by  text        NOT NULL,
    decided_at  timestamptz NOT NULL,
    PRIMARY KEY (approval_id, step),
    CONSTRAINT approval_step_four_eyes UNIQUE (approval_id, decided_by)
);
