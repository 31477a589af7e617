-- Bounces: a sent mail whose delivery a mail server later reported failed (a delivery-status
-- notification in the service's bounce mailbox) is BOUNCED, with the server's diagnostic in
-- last_error, and listed for staff beside the failed ones.
-- A bounced mail was sent: it keeps its sent_at.
ALTER TABLE mail_outbox DROP CONSTRAINT mail_outbox_status_check, DROP CONSTRAINT mail_outbox_sent_when;
ALTER TABLE mail_outbox
    ADD CONSTRAINT mail_outbox_status_check CHECK (status IN ('PENDING', 'SENT', 'FAILED', 'BOUNCED')),
    ADD CONSTRAINT mail_outbox_sent_when CHECK ((status IN ('SENT', 'BOUNCED')) = (sent_at IS NOT NULL)),
    ADD COLUMN bounced_at timestamptz,
    ADD CONSTRAINT mail_outbox_bounced_when CHECK ((status = 'BOUNCED') = (bounced_at IS NOT NULL));

-- staff list failed and bounced mails, newest first
CREATE INDEX mail_outbox_bounced ON mail_outbox (bounced_at) WHERE status = 'BOUNCED';

-- Every message read from the bounce mailbox, once: its identity is its own Message-ID (or the
-- SHA-256 of its bytes). The reader inserts here and marks the mail in one statement, so of two
-- replicas reading the same message only one marks anything.
CREATE TABLE mail_bounce (
    bounce_id           text        PRIMARY KEY,
    -- the Message-ID of our mail it names first, if any
    original_message_id text,
    -- what the reporting server said, or why the message was no bounce of ours
    diagnostic          text        NOT NULL,
    read_at             timestamptz NOT NULL
);
