-- Money reconciliation expects: projections of other services' events, written through the inbox.

-- A subscription's commitment, from SigningWorkflowCompleted of a subscription pack. The
-- primary key makes a redelivered or re-signed pack change nothing.
CREATE TABLE subscription (
    id           uuid          PRIMARY KEY,
    investor_id  text          NOT NULL,
    vehicle_id   uuid          NOT NULL,
    commitment   numeric(19,2) NOT NULL CHECK (commitment > 0),
    currency     char(3)       NOT NULL,
    -- the sum of the accepted matches that fund it; an invariant job re-checks it
    funded       numeric(19,2) NOT NULL DEFAULT 0 CHECK (funded >= 0),
    workflow_id  uuid          NOT NULL,
    version      bigint        NOT NULL DEFAULT 0,
    expected_at  timestamptz   NOT NULL
);

-- suggesting by investor + amount looks subscriptions up by currency and outstanding amount
CREATE INDEX subscription_outstanding ON subscription (currency, (commitment - funded));

-- An issued invoice, from InvoiceIssued.
CREATE TABLE invoice (
    id                uuid          PRIMARY KEY,
    invoice_number    text          NOT NULL,
    investor_id       text          NOT NULL,
    vehicle_id        uuid          NOT NULL,
    total             numeric(19,2) NOT NULL CHECK (total > 0),
    currency          char(3)       NOT NULL,
    -- the RF creditor reference, stored without spaces and upper case
    payment_reference text          NOT NULL UNIQUE,
    due_date          date          NOT NULL,
    -- accepted matches never bring more than the total: billing refuses overpayment
    received          numeric(19,2) NOT NULL DEFAULT 0,
    version           bigint        NOT NULL DEFAULT 0,
    expected_at       timestamptz   NOT NULL,
    CONSTRAINT invoice_received_within_total CHECK (received >= 0 AND received <= total)
);
