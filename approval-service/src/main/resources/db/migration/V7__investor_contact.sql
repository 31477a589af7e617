-- The investor's name and e-mail address, as the approval request gave them: personal data,
-- kept apart from the approval so that it travels only where a mail is written (on
-- ApprovalGranted, for the signing mails) and can be erased on its own.
CREATE TABLE investor_contact (
    approval_id uuid PRIMARY KEY REFERENCES approval (id),
    name        text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    email       text NOT NULL CHECK (length(email) BETWEEN 3 AND 320)
);
