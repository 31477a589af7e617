-- The mail outbox: a service writes the mails a change causes here, in the same transaction as
-- the change; the sender (service-support's mail kit, on every replica) sends them afterwards.
-- Shipped by service-support and applied in the schema of each service that turns the kit on
-- (vestline.mail.enabled). Versions 0.9.5+ are this location's; like the Idempotency-Key
-- store's they run out of order on a database migrated before they existed.
CREATE TABLE mail_outbox (
    id               uuid        PRIMARY KEY,
    -- <kind.about.revision.recipient-hash@domain>: the same mail written twice (a redelivered
    -- event) is one row, and a retry after a crash carries the same Message-ID header
    message_id       text        NOT NULL UNIQUE,
    -- what the mail is, e.g. signing-request, invoice
    kind             text        NOT NULL,
    -- what it is about, e.g. the workflow or invoice id
    about            text        NOT NULL,
    -- which revision of it, e.g. the signing link's: a new revision is a new mail
    revision         integer     NOT NULL,
    recipient        text        NOT NULL CHECK (length(recipient) BETWEEN 3 AND 320),
    recipient_name   text,
    subject          text        NOT NULL,
    body_text        text        NOT NULL,
    body_html        text,
    attachment_name  text,
    attachment_type  text,
    attachment       bytea,
    status           text        NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'SENT', 'FAILED')),
    -- claims so far; also the fencing token of the current claim
    attempts         integer     NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    next_attempt_at  timestamptz NOT NULL,
    -- the replica sending it now, until the claim expires (longer than any SMTP timeout)
    claimed_by       text,
    claim_expires_at timestamptz,
    last_error       text,
    created_at       timestamptz NOT NULL,
    sent_at          timestamptz,
    failed_at        timestamptz,
    CONSTRAINT mail_outbox_claim_whole CHECK ((claimed_by IS NULL) = (claim_expires_at IS NULL)),
    CONSTRAINT mail_outbox_attachment_whole
        CHECK ((attachment IS NULL) = (attachment_name IS NULL) AND (attachment IS NULL) = (attachment_type IS NULL)),
    CONSTRAINT mail_outbox_sent_when CHECK ((status = 'SENT') = (sent_at IS NOT NULL)),
    CONSTRAINT mail_outbox_failed_when CHECK ((status = 'FAILED') = (failed_at IS NOT NULL))
);

-- the sender's claim reads only pending rows that are due
CREATE INDEX mail_outbox_due ON mail_outbox (next_attempt_at) WHERE status = 'PENDING';
-- staff list failed mails, newest first
CREATE INDEX mail_outbox_failed ON mail_outbox (failed_at) WHERE status = 'FAILED';
