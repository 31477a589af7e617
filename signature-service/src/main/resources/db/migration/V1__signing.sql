-- Signing workflows: one per granted approval, holding the lease that serialises signers.
CREATE TABLE signing_workflow (
    id                uuid        PRIMARY KEY,
    approval_id       uuid        NOT NULL,
    -- the grant it carries out: a reopened approval granted again gets a new workflow
    granted_at        timestamptz NOT NULL,
    document_kind     text        NOT NULL CHECK (document_kind IN ('NDA', 'SUBSCRIPTION_PACK')),
    deal_id           uuid        NOT NULL,
    vehicle_id        uuid        NOT NULL,
    investor_id       text        NOT NULL,
    subscription_id   uuid,
    amount            numeric CHECK (amount > 0),
    currency          char(3),
    status            text        NOT NULL CHECK (status IN ('OPEN', 'COMPLETED', 'CANCELLED', 'DECLINED', 'FAILED')),
    status_reason     text,
    -- terms revision: a reissue starts a new one, voiding earlier signatures
    revision          integer     NOT NULL DEFAULT 1 CHECK (revision >= 1),
    amendments        text,
    -- the latest document version; 0 while none was rendered (a failed workflow)
    document_version  integer     NOT NULL DEFAULT 0 CHECK (document_version >= 0),
    -- optimistic version, the ETag: bumped by every state change, not by leases
    version           integer     NOT NULL DEFAULT 0 CHECK (version >= 0),
    created_at        timestamptz NOT NULL,
    updated_at        timestamptz NOT NULL,
    completed_at      timestamptz,
    -- the lease: who signs right now, until when, with which fencing token
    lease_holder      text,
    lease_acquired_at timestamptz,
    lease_expires_at  timestamptz,
    lease_token       bigint,
    -- the last fencing token handed out; never goes back, so an old token never matches again
    fencing_counter   bigint      NOT NULL DEFAULT 0 CHECK (fencing_counter >= 0),
    CONSTRAINT signing_workflow_lease_all_or_nothing CHECK (
        (lease_holder IS NULL AND lease_acquired_at IS NULL AND lease_expires_at IS NULL AND lease_token IS NULL)
        OR (lease_holder IS NOT NULL AND lease_acquired_at IS NOT NULL AND lease_expires_at IS NOT NULL
            AND lease_token IS NOT NULL)),
    CONSTRAINT signing_workflow_lease_expires_after_acquired CHECK (lease_expires_at > lease_acquired_at),
    CONSTRAINT signing_workflow_lease_token_issued CHECK (lease_token >= 1 AND lease_token <= fencing_counter),
    CONSTRAINT signing_workflow_lease_only_while_open CHECK (lease_holder IS NULL OR status = 'OPEN'),
    CONSTRAINT signing_workflow_pack_has_terms CHECK (document_kind <> 'SUBSCRIPTION_PACK' OR status = 'FAILED'
        OR (subscription_id IS NOT NULL AND amount IS NOT NULL AND currency IS NOT NULL)),
    CONSTRAINT signing_workflow_open_has_document CHECK (status = 'FAILED' OR document_version >= 1),
    CONSTRAINT signing_workflow_completed_at CHECK ((status = 'COMPLETED') = (completed_at IS NOT NULL))
);

-- the same grant, however often delivered and under whatever event id, opens one workflow
CREATE UNIQUE INDEX signing_workflow_one_per_grant ON signing_workflow (approval_id, granted_at);
-- and an approval never has two live (or a live and a completed) workflows
CREATE UNIQUE INDEX signing_workflow_one_live_per_approval ON signing_workflow (approval_id)
    WHERE status IN ('OPEN', 'COMPLETED');
-- the reaper looks for expired leases
CREATE INDEX signing_workflow_leased ON signing_workflow (lease_expires_at) WHERE lease_expires_at IS NOT NULL;

-- A party asked to sign one revision of a workflow's document, reached by a single-use link.
CREATE TABLE signer (
    id               uuid        PRIMARY KEY,
    workflow_id      uuid        NOT NULL REFERENCES signing_workflow (id),
    revision         integer     NOT NULL CHECK (revision >= 1),
    party_id         text        NOT NULL,
    party_name       text        NOT NULL,
    role             text        NOT NULL CHECK (role IN ('INVESTOR', 'COUNTERPARTY', 'ARRANGER')),
    -- where the signature is stamped on the page
    ordinal          integer     NOT NULL CHECK (ordinal >= 0),
    -- only the SHA-256 of the link's token is kept: a database leak signs nothing
    token_sha256     bytea       NOT NULL UNIQUE CHECK (octet_length(token_sha256) = 32),
    link_expires_at  timestamptz NOT NULL,
    status           text        NOT NULL CHECK (status IN ('PENDING', 'SIGNED', 'DECLINED', 'VOID')),
    typed_name       text,
    signed_at        timestamptz,
    document_version integer,
    decline_reason   text,
    declined_at      timestamptz,
    CONSTRAINT signer_one_per_role UNIQUE (workflow_id, revision, role),
    CONSTRAINT signer_signed_has_signature CHECK (status <> 'SIGNED'
        OR (typed_name IS NOT NULL AND signed_at IS NOT NULL AND document_version IS NOT NULL)),
    CONSTRAINT signer_declined_has_reason CHECK (status <> 'DECLINED'
        OR (decline_reason IS NOT NULL AND declined_at IS NOT NULL))
);

CREATE INDEX signer_workflow ON signer (workflow_id, revision);

-- Every version of a workflow's document, chained by hash: nothing is overwritten or lost.
CREATE TABLE document_version (
    workflow_id    uuid        NOT NULL REFERENCES signing_workflow (id),
    version        integer     NOT NULL CHECK (version >= 1),
    revision       integer     NOT NULL CHECK (revision >= 1),
    content        bytea       NOT NULL,
    sha256         text        NOT NULL,
    parent_version integer,
    parent_sha256  text,
    -- the signature that produced it; null for a freshly rendered document
    signer_id      uuid        REFERENCES signer (id),
    created_at     timestamptz NOT NULL,
    PRIMARY KEY (workflow_id, version),
    CONSTRAINT document_version_hash_matches CHECK (sha256 = encode(sha256(content), 'hex')),
    CONSTRAINT document_version_chain_key UNIQUE (workflow_id, version, sha256),
    -- a version's parent is the version before it, with exactly that hash
    CONSTRAINT document_version_parent FOREIGN KEY (workflow_id, parent_version, parent_sha256)
        REFERENCES document_version (workflow_id, version, sha256),
    CONSTRAINT document_version_parent_is_previous CHECK ((version = 1 AND parent_version IS NULL
        AND parent_sha256 IS NULL) OR (parent_version = version - 1 AND parent_sha256 IS NOT NULL)),
    -- no fork: a version is stamped on at most once
    CONSTRAINT document_version_no_fork UNIQUE (workflow_id, parent_version)
);

-- What happened to a workflow and its lease, for people and auditors.
CREATE TABLE audit_entry (
    id          bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    workflow_id uuid        NOT NULL,
    action      text        NOT NULL,
    actor       text        NOT NULL,
    detail      text,
    occurred_at timestamptz NOT NULL
);

CREATE INDEX audit_entry_workflow ON audit_entry (workflow_id, id);

-- Who signs for a vehicle besides the investor; config properties are the fallback.
CREATE TABLE vehicle_party (
    vehicle_id uuid        NOT NULL,
    role       text        NOT NULL CHECK (role IN ('COUNTERPARTY', 'ARRANGER')),
    party_id   text        NOT NULL CHECK (length(party_id) BETWEEN 1 AND 200),
    party_name text        NOT NULL CHECK (length(party_name) BETWEEN 1 AND 200),
    updated_by text        NOT NULL,
    updated_at timestamptz NOT NULL,
    PRIMARY KEY (vehicle_id, role)
);
