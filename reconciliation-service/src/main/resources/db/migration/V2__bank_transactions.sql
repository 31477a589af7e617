-- Bank statement lines. A line is unique by (account, bank reference): importing the same or
-- an overlapping statement again inserts nothing (ON CONFLICT DO NOTHING on this key).
CREATE TABLE bank_transaction (
    id                     uuid          PRIMARY KEY,
    account_id             text          NOT NULL,
    bank_reference         text          NOT NULL,
    -- negative for a debit; only credits are matched
    amount                 numeric(19,2) NOT NULL CHECK (amount <> 0),
    currency               char(3)       NOT NULL,
    booking_date           date          NOT NULL,
    counterparty_name      text,
    remittance_information text,
    source_format          text          NOT NULL CHECK (source_format IN ('CAMT053', 'CSV')),
    imported_by            text          NOT NULL,
    imported_at            timestamptz   NOT NULL,
    CONSTRAINT bank_transaction_once_per_account UNIQUE (account_id, bank_reference)
);
