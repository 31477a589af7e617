-- A payment taken back: reconciliation reversed the bank match that brought it. Nothing is
-- deleted or rewritten: the payment stays and is marked reversed, and the reversal is a row
-- of its own that says where the money was taken back from.
ALTER TABLE payment ADD COLUMN reversed_at timestamptz;

-- One live payment per external reference: a reversed payment frees its reference, so a bank
-- transaction that is matched again after a reversal pays again (its redeliveries are still
-- stopped by the inbox and by this index).
ALTER TABLE payment DROP CONSTRAINT payment_once_per_reference;
CREATE UNIQUE INDEX payment_once_per_reference ON payment (source, external_reference) WHERE reversed_at IS NULL;

CREATE TABLE payment_reversal (
    id                 uuid        PRIMARY KEY,
    -- a payment is reversed at most once
    payment_id         uuid        NOT NULL UNIQUE REFERENCES payment (id),
    invoice_id         uuid        NOT NULL REFERENCES invoice (id),
    investor_id        text        NOT NULL,
    currency           char(3)     NOT NULL,
    -- the payment's whole amount
    amount             numeric     NOT NULL CHECK (amount > 0),
    -- taken back from the invoice
    applied_amount     numeric     NOT NULL CHECK (applied_amount >= 0),
    -- taken back from the investor's credit
    credit_amount      numeric     NOT NULL CHECK (credit_amount >= 0),
    -- credit that had already been spent: the investor owes it, a person follows it up
    unrecovered_amount numeric     NOT NULL CHECK (unrecovered_amount >= 0),
    reason             text        NOT NULL,
    reversed_at        timestamptz NOT NULL,
    CONSTRAINT payment_reversal_splits_exactly CHECK (applied_amount + credit_amount + unrecovered_amount = amount)
);
CREATE INDEX payment_reversal_by_investor ON payment_reversal (investor_id, reversed_at, id);

-- Credit taken back by a reversal is a ledger entry of its own kind, negative like APPLIED.
ALTER TABLE credit_entry DROP CONSTRAINT credit_entry_kind_check;
ALTER TABLE credit_entry DROP CONSTRAINT credit_entry_sign;
ALTER TABLE credit_entry ADD CONSTRAINT credit_entry_sign CHECK (
    (kind = 'RECEIVED' AND amount > 0) OR (kind IN ('APPLIED', 'REVERSED') AND amount < 0));
