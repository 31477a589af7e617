-- How each investor is reached by mail: their name and e-mail address, as the latest signed
-- subscription pack carried them (SigningWorkflowCompleted.investor). Personal data, kept
-- apart from fees and invoices; the invoice mails go to this address.
CREATE TABLE investor_contact (
    investor_id text        PRIMARY KEY,
    name        text        NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    email       text        NOT NULL CHECK (length(email) BETWEEN 3 AND 320),
    updated_at  timestamptz NOT NULL
);
