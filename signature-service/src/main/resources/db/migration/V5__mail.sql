-- Who receives a workflow's mails: the investor (from the grant) and the vehicle's party,
-- copied when the workflow opens, so that staff can correct one workflow's address without
-- changing the vehicle's. Personal data, kept apart from the signer rows.
CREATE TABLE signer_contact (
    workflow_id uuid        NOT NULL REFERENCES signing_workflow (id),
    role        text        NOT NULL CHECK (role IN ('INVESTOR', 'COUNTERPARTY', 'ARRANGER')),
    name        text        NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    email       text        NOT NULL CHECK (length(email) BETWEEN 3 AND 320),
    updated_by  text        NOT NULL,
    updated_at  timestamptz NOT NULL,
    PRIMARY KEY (workflow_id, role)
);

-- the arranger's and counterparty's address, set with the vehicle's parties
ALTER TABLE vehicle_party ADD COLUMN party_email text
    CHECK (party_email IS NULL OR length(party_email) BETWEEN 3 AND 320);

-- link_revision: the how-manieth link of this role in this workflow (a renewal, a reminder or
-- a reissue counts one up): part of the signing mail's Message-ID, so each link is one mail.
-- link_issued_at: when the current link was issued, from which reminders are due.
-- reminders_sent: reminders of the current link so far; expiry_mailed: its expiry was mailed.
ALTER TABLE signer
    ADD COLUMN link_revision  integer     NOT NULL DEFAULT 1 CHECK (link_revision >= 1),
    ADD COLUMN link_issued_at timestamptz,
    ADD COLUMN reminders_sent integer     NOT NULL DEFAULT 0 CHECK (reminders_sent >= 0),
    ADD COLUMN expiry_mailed  boolean     NOT NULL DEFAULT false;

-- the reminder job reads only pending requests
CREATE INDEX signer_pending_links ON signer (link_expires_at) WHERE status = 'PENDING';
