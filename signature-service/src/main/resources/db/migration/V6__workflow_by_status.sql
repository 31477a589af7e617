-- Staff list workflows by state, newest first (ids are UUIDv7), a keyset page at a time.
CREATE INDEX signing_workflow_by_status ON signing_workflow (status, id DESC);
