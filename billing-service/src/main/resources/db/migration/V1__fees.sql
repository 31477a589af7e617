-- Fee schedules: what a vehicle charges. Rates are basis points; amounts are exact decimals.
CREATE TABLE fee_schedule (
    vehicle_id               uuid        PRIMARY KEY,
    currency                 char(3)     NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    subscription_fee_bps     integer     NOT NULL CHECK (subscription_fee_bps BETWEEN 0 AND 10000),
    subscription_fee_minimum numeric     CHECK (subscription_fee_minimum >= 0),
    management_fee_bps       integer     NOT NULL CHECK (management_fee_bps BETWEEN 0 AND 10000),
    version                  bigint      NOT NULL DEFAULT 0 CHECK (version >= 0),
    updated_by               text        NOT NULL,
    updated_at               timestamptz NOT NULL
);

-- A fee accrued on a subscription. status moves ACCRUED -> INVOICED -> PAID, or
-- ACCRUED -> CANCELLED; a voided invoice returns its fees to ACCRUED.
CREATE TABLE fee (
    id              uuid        PRIMARY KEY,
    subscription_id uuid        NOT NULL,
    investor_id     text        NOT NULL,
    vehicle_id      uuid        NOT NULL,
    fee_type        text        NOT NULL CHECK (fee_type IN ('SUBSCRIPTION', 'MANAGEMENT')),
    -- the quarter a management fee covers (2026-Q4); null for a subscription fee
    period          text        CHECK (period ~ '^[0-9]{4}-Q[1-4]$'),
    -- a zero fee is never accrued, so an invoice total is always positive
    amount          numeric     NOT NULL CHECK (amount > 0),
    currency        char(3)     NOT NULL,
    status          text        NOT NULL CHECK (status IN ('ACCRUED', 'INVOICED', 'PAID', 'CANCELLED')),
    invoice_id      uuid,
    accrued_at      timestamptz NOT NULL,
    cancelled_at    timestamptz,
    cancelled_by    text,
    cancel_reason   text,
    version         bigint      NOT NULL DEFAULT 0,
    CONSTRAINT fee_period_matches_type CHECK ((fee_type = 'MANAGEMENT') = (period IS NOT NULL)),
    CONSTRAINT fee_invoiced_has_invoice CHECK ((status IN ('INVOICED', 'PAID')) = (invoice_id IS NOT NULL)),
    CONSTRAINT fee_cancellation_complete CHECK (
        (status = 'CANCELLED') = (cancelled_at IS NOT NULL AND cancelled_by IS NOT NULL AND cancel_reason IS NOT NULL))
);

-- The business-level guarantee behind the inbox: one ACTIVE fee per (subscription, type, period).
-- A cancelled fee steps aside, so a new signing may accrue a new one.
CREATE UNIQUE INDEX fee_one_active ON fee (subscription_id, fee_type, coalesce(period, ''))
    WHERE status <> 'CANCELLED';
-- the invoice run gathers accrued fees by investor and vehicle
CREATE INDEX fee_accrued ON fee (investor_id, vehicle_id, currency) WHERE status = 'ACCRUED';
CREATE INDEX fee_by_subscription ON fee (subscription_id, id);
CREATE INDEX fee_by_invoice ON fee (invoice_id) WHERE invoice_id IS NOT NULL;

-- Projection of funded subscriptions (from SubscriptionFunded): the base of management fees.
CREATE TABLE funded_subscription (
    subscription_id uuid        PRIMARY KEY,
    investor_id     text        NOT NULL,
    vehicle_id      uuid        NOT NULL,
    commitment      numeric     NOT NULL CHECK (commitment >= 0),
    total_funded    numeric     NOT NULL,
    currency        char(3)     NOT NULL,
    first_funded_at timestamptz NOT NULL,
    last_funded_at  timestamptz NOT NULL
);
CREATE INDEX funded_subscription_by_vehicle ON funded_subscription (vehicle_id, subscription_id);
