-- What a signature's certificate of completion states about each signer, recorded when they
-- sign. Null for signatures made before this was recorded; the certificate says so.
ALTER TABLE signer
    -- the version of the electronic-records disclosure the signer agreed to, as the signing
    -- request stated it (null when the request named none)
    ADD COLUMN consent_version   text CHECK (length(consent_version) BETWEEN 1 AND 100),
    -- the remote address of the signing request, as the service saw it (behind a trusted
    -- proxy: the client address the proxy forwarded)
    ADD COLUMN signed_from       text CHECK (length(signed_from) BETWEEN 1 AND 100),
    -- the browser's User-Agent header of the signing request, cut to 500 characters
    ADD COLUMN signed_user_agent text CHECK (length(signed_user_agent) <= 500),
    -- where the link was sent (an e-mail address), once links are mailed
    ADD COLUMN IF NOT EXISTS link_sent_to text,
    -- which link of this request signed: 1 for the first, one more for each renewal
    ADD COLUMN IF NOT EXISTS link_revision integer NOT NULL DEFAULT 1 CHECK (link_revision >= 1);
