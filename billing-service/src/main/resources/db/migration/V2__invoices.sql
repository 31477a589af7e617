-- Gap-free invoice numbers per year: the counter row is incremented inside the issuing
-- transaction, so a rolled-back invoice gives its number back and concurrent runs queue on it.
CREATE TABLE invoice_number_counter (
    year        integer PRIMARY KEY CHECK (year BETWEEN 2000 AND 9999),
    last_number integer NOT NULL CHECK (last_number > 0)
);

CREATE TABLE invoice (
    id                uuid        PRIMARY KEY,
    invoice_number    text        NOT NULL UNIQUE,
    invoice_year      integer     NOT NULL,
    sequence_number   integer     NOT NULL CHECK (sequence_number > 0),
    investor_id       text        NOT NULL,
    vehicle_id        uuid        NOT NULL,
    currency          char(3)     NOT NULL,
    total             numeric     NOT NULL CHECK (total > 0),
    amount_paid       numeric     NOT NULL DEFAULT 0,
    status            text        NOT NULL CHECK (status IN ('ISSUED', 'PAID', 'VOID')),
    -- ISO 11649 creditor reference, quoted by the payer and used by bank matching
    payment_reference text        NOT NULL UNIQUE CHECK (payment_reference ~ '^RF[0-9]{2}[0-9A-Z]{1,21}$'),
    due_date          date        NOT NULL,
    issued_at         timestamptz NOT NULL,
    paid_at           timestamptz,
    voided_at         timestamptz,
    void_reason       text,
    voided_by         text,
    version           bigint      NOT NULL DEFAULT 0,
    CONSTRAINT invoice_number_per_year UNIQUE (invoice_year, sequence_number),
    -- never more paid than the total
    CONSTRAINT invoice_paid_within_total CHECK (amount_paid >= 0 AND amount_paid <= total),
    CONSTRAINT invoice_paid_means_settled CHECK ((status = 'PAID') = (amount_paid = total AND paid_at IS NOT NULL)),
    -- never both paid (even partly) and voided
    CONSTRAINT invoice_void_is_unpaid CHECK ((status = 'VOID') = (voided_at IS NOT NULL) AND (status <> 'VOID' OR amount_paid = 0))
);
CREATE INDEX invoice_by_investor ON invoice (investor_id, id);
CREATE INDEX invoice_by_status ON invoice (status, id);

-- What an invoice billed, kept even after a void returns the fees to ACCRUED.
CREATE TABLE invoice_line (
    invoice_id      uuid    NOT NULL REFERENCES invoice (id),
    fee_id          uuid    NOT NULL REFERENCES fee (id),
    subscription_id uuid    NOT NULL,
    fee_type        text    NOT NULL,
    period          text,
    amount          numeric NOT NULL CHECK (amount >= 0),
    PRIMARY KEY (invoice_id, fee_id)
);

ALTER TABLE fee ADD CONSTRAINT fee_invoice FOREIGN KEY (invoice_id) REFERENCES invoice (id);
