-- The sealed document of a completed workflow: its final version with the certificate of
-- completion appended and the platform's PAdES seal over both, each as an incremental update,
-- so its first final_length bytes are the final version unchanged. One per workflow: the
-- primary key makes sealing exactly-once whoever seals (a replica, a retry, the sweep).
CREATE TABLE sealed_document (
    workflow_id        uuid        PRIMARY KEY REFERENCES signing_workflow (id),
    final_version      integer     NOT NULL,
    final_sha256       text        NOT NULL,
    final_length       integer     NOT NULL CHECK (final_length > 0),
    content            bytea       NOT NULL,
    sha256             text        NOT NULL,
    -- the certificate of completion on its own, sealed the same way
    certificate        bytea       NOT NULL,
    certificate_sha256 text        NOT NULL,
    -- the SHA-256 of the sealing certificate (DER): which key sealed it
    sealed_with        text        NOT NULL,
    sealed_at          timestamptz NOT NULL,
    CONSTRAINT sealed_document_hash_matches CHECK (sha256 = encode(sha256(content), 'hex')),
    CONSTRAINT sealed_document_certificate_hash_matches
        CHECK (certificate_sha256 = encode(sha256(certificate), 'hex')),
    -- sealed on a version of the chain, with exactly that hash ...
    CONSTRAINT sealed_document_final_version FOREIGN KEY (workflow_id, final_version, final_sha256)
        REFERENCES document_version (workflow_id, version, sha256),
    -- ... which it extends without changing a byte
    CONSTRAINT sealed_document_extends_final_version CHECK (octet_length(content) > final_length
        AND encode(sha256(substring(content FROM 1 FOR final_length)), 'hex') = final_sha256)
);
