-- Idempotency-Keys move to the store shared by every service (idempotency_record, created by
-- service-support's V0_9_1 before this runs). A key stays scoped to its signing link (the
-- caller is 'link:' and the link's hash) and the fingerprint stays the SHA-256 of the typed
-- name and consent, now as bytes instead of hex, so a key used before still replays.
INSERT INTO idempotency_record (caller, operation, idempotency_key, request_sha256, response_status,
                                response_body, created_at)
SELECT 'link:' || substr(scope, length('signature:') + 1), 'sign', idempotency_key,
       decode(request_sha256, 'hex'), response_status, response_body, created_at
  FROM idempotent_request
 WHERE scope LIKE 'signature:%';

-- An old replica still running during the rollout now fails a keyed signature instead of
-- answering it from a store the new replicas no longer read.
DROP TABLE idempotent_request;
