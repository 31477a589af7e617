-- A payment received for an invoice: the part applied to the invoice plus the part that
-- became investor credit always add up to the amount received.
CREATE TABLE payment (
    id                 uuid        PRIMARY KEY,
    invoice_id         uuid        NOT NULL REFERENCES invoice (id),
    investor_id        text        NOT NULL,
    currency           char(3)     NOT NULL,
    amount             numeric     NOT NULL CHECK (amount > 0),
    applied_amount     numeric     NOT NULL CHECK (applied_amount >= 0),
    credit_amount      numeric     NOT NULL CHECK (credit_amount >= 0),
    source             text        NOT NULL CHECK (source IN ('BANK', 'PROVIDER', 'CREDIT')),
    external_reference text        NOT NULL,
    recorded_at        timestamptz NOT NULL,
    CONSTRAINT payment_splits_exactly CHECK (applied_amount + credit_amount = amount),
    -- one payment per external reference
    CONSTRAINT payment_once_per_reference UNIQUE (source, external_reference)
);
CREATE INDEX payment_by_invoice ON payment (invoice_id);
CREATE INDEX payment_by_investor ON payment (investor_id, recorded_at, id);

-- Investor credit: a ledger of entries (received > 0, applied < 0) and a balance row that
-- is changed in the same transaction and can never go negative.
CREATE TABLE credit_entry (
    id          uuid        PRIMARY KEY,
    investor_id text        NOT NULL,
    currency    char(3)     NOT NULL,
    kind        text        NOT NULL CHECK (kind IN ('RECEIVED', 'APPLIED')),
    amount      numeric     NOT NULL,
    payment_id  uuid        NOT NULL REFERENCES payment (id),
    invoice_id  uuid        NOT NULL REFERENCES invoice (id),
    created_at  timestamptz NOT NULL,
    CONSTRAINT credit_entry_sign CHECK ((kind = 'RECEIVED' AND amount > 0) OR (kind = 'APPLIED' AND amount < 0))
);
CREATE INDEX credit_entry_by_investor ON credit_entry (investor_id, created_at, id);

CREATE TABLE investor_credit (
    investor_id text    NOT NULL,
    currency    char(3) NOT NULL,
    balance     numeric NOT NULL CHECK (balance >= 0),
    version     bigint  NOT NULL DEFAULT 0,
    PRIMARY KEY (investor_id, currency)
);

-- Payment-provider webhook deliveries, deduplicated on the provider's event id.
CREATE TABLE webhook_delivery (
    provider_event_id text        PRIMARY KEY,
    payment_id        uuid        NOT NULL REFERENCES payment (id),
    received_at       timestamptz NOT NULL
);
