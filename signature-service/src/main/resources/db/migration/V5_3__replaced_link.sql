-- The links a newer link replaced (a reminder, a renewal, a corrected address), so that the
-- signing page can say "this link was replaced" and offer a new one, instead of "we do not
-- recognise this link". Only the SHA-256 is kept, as for the current link. A trigger records
-- every replacement, whichever statement makes it.
CREATE TABLE replaced_link (
    token_sha256 bytea       PRIMARY KEY CHECK (octet_length(token_sha256) = 32),
    signer_id    uuid        NOT NULL REFERENCES signer (id),
    replaced_at  timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX replaced_link_signer ON replaced_link (signer_id);

CREATE FUNCTION remember_replaced_link() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO replaced_link (token_sha256, signer_id) VALUES (OLD.token_sha256, OLD.id)
        ON CONFLICT (token_sha256) DO NOTHING;
    RETURN NEW;
END;
$$;

CREATE TRIGGER signer_link_replaced
    AFTER UPDATE OF token_sha256 ON signer
    FOR EACH ROW WHEN (OLD.token_sha256 IS DISTINCT FROM NEW.token_sha256)
    EXECUTE FUNCTION remember_replaced_link();
