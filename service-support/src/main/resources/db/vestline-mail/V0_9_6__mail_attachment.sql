-- A mail may carry more than one file (the completed signing mail: the sealed document and its
-- certificate of completion). Each file is a row of its own, in the order the mail lists them.
CREATE TABLE mail_attachment (
    mail_id      uuid    NOT NULL REFERENCES mail_outbox (id) ON DELETE CASCADE,
    position     integer NOT NULL CHECK (position >= 0),
    filename     text    NOT NULL CHECK (length(filename) BETWEEN 1 AND 255),
    content_type text    NOT NULL CHECK (length(content_type) BETWEEN 3 AND 255),
    content      bytea   NOT NULL,
    PRIMARY KEY (mail_id, position)
);

-- the files of mails written before, moved to where the sender now reads them
INSERT INTO mail_attachment (mail_id, position, filename, content_type, content)
SELECT id, 0, attachment_name, attachment_type, attachment FROM mail_outbox WHERE attachment IS NOT NULL;
UPDATE mail_outbox SET attachment = NULL, attachment_name = NULL, attachment_type = NULL WHERE attachment IS NOT NULL;

-- The old single-file columns stay for one release: a replica of the previous release, still
-- running during a rolling update, writes its file there, and this release's sender reads it
-- from there too (as the first file). A later migration drops them.
COMMENT ON COLUMN mail_outbox.attachment IS 'only written by the release before 0.9.6; see mail_attachment';
