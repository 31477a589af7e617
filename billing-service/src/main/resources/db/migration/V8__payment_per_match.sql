-- A bank payment is the payment of one reconciliation match, not of its bank line (issue 16,
-- defect 1). A line whose match is reversed may be matched again to another invoice; the
-- InvoicePaymentReversed of the old match and the InvoicePaymentReceived of the new one have
-- different keys, so either may arrive first. Keyed by the bank line, the new payment was
-- taken for a duplicate of the old one and dropped when it came first. Keyed by the match,
-- each is recorded and each reversal takes back exactly the payment of its match.
ALTER TABLE payment ADD COLUMN match_id uuid;

-- a match pays once, ever: a reversed match is not matched again (reconciliation makes a new one)
CREATE UNIQUE INDEX payment_once_per_match ON payment (match_id);
ALTER TABLE payment ADD CONSTRAINT payment_match_only_for_bank CHECK (match_id IS NULL OR source = 'BANK');
-- bank payments recorded before this migration do not know their match (reversals find them
-- by bank line and invoice); every new one must
ALTER TABLE payment ADD CONSTRAINT payment_bank_names_its_match CHECK (source <> 'BANK' OR match_id IS NOT NULL)
    NOT VALID;

-- one live payment per provider payment id as before; a bank line may pay two invoices for the
-- moment between its new match's payment and its old match's reversal, but one invoice only once
DROP INDEX payment_once_per_reference;
CREATE UNIQUE INDEX payment_once_per_reference ON payment (source, external_reference)
    WHERE reversed_at IS NULL AND source <> 'BANK';
CREATE UNIQUE INDEX payment_once_per_bank_line_and_invoice ON payment (external_reference, invoice_id)
    WHERE reversed_at IS NULL AND source = 'BANK';

-- Every bank match reconciliation reported, as it reported it, written before billing decides
-- anything about it: the consistency check holds each one to the payment of that match
-- (invariant bank_match_paid_by_its_payment), so a match that was dropped or a reversal that
-- took back another match's payment is seen.
CREATE TABLE bank_match (
    match_id            uuid        PRIMARY KEY,
    -- no foreign key: it would take a share lock on the invoice before the payment takes its
    -- row lock, and two payments of one invoice would deadlock
    invoice_id          uuid        NOT NULL,
    bank_transaction_id uuid        NOT NULL,
    amount              numeric     NOT NULL CHECK (amount > 0),
    currency            char(3)     NOT NULL,
    received_at         timestamptz NOT NULL,
    reversed_at         timestamptz
);
