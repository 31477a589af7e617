-- A match of one bank transaction to a subscription or an invoice, suggested automatically or
-- created by hand, then accepted or rejected by an operator; an accepted one can be reversed.
CREATE TABLE bank_match (
    id                  uuid          PRIMARY KEY,
    bank_transaction_id uuid          NOT NULL REFERENCES bank_transaction (id),
    target              text          NOT NULL CHECK (target IN ('SUBSCRIPTION', 'INVOICE')),
    subscription_id     uuid          REFERENCES subscription (id),
    invoice_id          uuid          REFERENCES invoice (id),
    amount              numeric(19,2) NOT NULL CHECK (amount > 0),
    currency            char(3)       NOT NULL,
    rule                text          NOT NULL CHECK (rule IN ('PAYMENT_REFERENCE', 'INVESTOR_AMOUNT', 'MANUAL')),
    status              text          NOT NULL CHECK (status IN ('SUGGESTED', 'ACCEPTED', 'REJECTED', 'REVERSED')),
    version             bigint        NOT NULL DEFAULT 0,
    created_by          text          NOT NULL,
    created_at          timestamptz   NOT NULL,
    decided_by          text,
    decided_at          timestamptz,
    reversed_by         text,
    reversed_at         timestamptz,
    reason              text,
    CONSTRAINT bank_match_names_its_target CHECK (
        (target = 'SUBSCRIPTION' AND subscription_id IS NOT NULL AND invoice_id IS NULL)
        OR (target = 'INVOICE' AND invoice_id IS NOT NULL AND subscription_id IS NULL)),
    CONSTRAINT bank_match_decision_recorded CHECK (
        (status = 'SUGGESTED') = (decided_at IS NULL) AND (decided_at IS NULL) = (decided_by IS NULL)),
    CONSTRAINT bank_match_reversal_recorded CHECK (
        (status = 'REVERSED') = (reversed_at IS NOT NULL) AND (reversed_at IS NULL) = (reversed_by IS NULL))
);

-- A bank line ends up in at most one accepted match, whatever the concurrency.
CREATE UNIQUE INDEX bank_match_one_accepted_per_line ON bank_match (bank_transaction_id) WHERE status = 'ACCEPTED';

-- The same suggestion is never open twice.
CREATE UNIQUE INDEX bank_match_one_open_per_target ON bank_match
    (bank_transaction_id, coalesce(subscription_id, invoice_id)) WHERE status = 'SUGGESTED';

-- GET /matches?status= pages by (status, id); ids are time-ordered UUIDv7
CREATE INDEX bank_match_by_status ON bank_match (status, id);
CREATE INDEX bank_match_by_subscription ON bank_match (subscription_id) WHERE subscription_id IS NOT NULL;
